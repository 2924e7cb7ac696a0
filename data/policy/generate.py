#!/usr/bin/env python3
"""Generates the Custos policy dataset (data/policy/policy.jsonl) from the templates in this file.

Python standard library only; deterministic (fixed seed, fixed iteration order), so rerunning reproduces the
committed file byte for byte:

    python3 data/policy/generate.py            # writes data/policy/policy.jsonl
    python3 data/policy/generate.py --check    # exits 1 if the committed file is stale

Each record: {"text", "lang", "category", "severity", "kind", "template", "source", "also"?}
- category/severity: the primary label on Azure's 0-7 scale (README.md of this folder maps each template group to
  the Azure severity definition it follows). Benign records have severity 0 or 1.
- kind: "harmful" (severity >= 2 somewhere), "benign" (benign look-alike: medical, news, fiction, education,
  counter-speech, figurative or technical uses of violent words, recovery talk), "neutral", or "everyday"
  (greetings, small talk, plans, shopping, tech support, 1-3 word messages; category "None", safe in every category;
  see EVERYDAY).
- also: optional secondary labels, e.g. a call to violence against a group is Hate 6 and Violence 5.
- template: the template id; the trainer splits train/validation by template so that validation sentences never
  share a template with training sentences.
"""

import json
import random
import sys
from pathlib import Path

SEED = 20261127
PER_TEMPLATE = 10  # at most this many fillings per template

# --------------------------------------------------------------------------------------------------------------------
# Slot fillers per language. {G} identity group (plural), {P} first name, {W} weapon, {L} place, {T} time,
# {Y} year, {N} number, {H} helpline-style resource.
# --------------------------------------------------------------------------------------------------------------------
SLOTS = {
    "en": {
        "G": ["Muslims", "Jews", "immigrants", "Black people", "gay people", "trans people", "women", "Mexicans",
              "Roma", "disabled people", "Asians", "refugees", "Christians", "Arabs"],
        "P": ["Tom", "Sarah", "Mike", "Jenny", "Ahmed", "Lucas", "Emma", "Dave"],
        "W": ["a knife", "a gun", "a baseball bat", "a machete", "a crowbar"],
        "L": ["the park", "the beach", "the office", "the supermarket", "the gym", "the library", "the mall", "the school", "the station", "the mosque", "the synagogue", "the town hall", "the concert"],
        "T": ["this morning", "after work", "on Sunday", "on Friday", "tomorrow night", "next week", "at noon", "this weekend"],
        "Y": ["2019", "2021", "2023", "2024"],
        "N": ["three", "five", "twelve", "forty"],
        "H": ["a crisis line", "a counselor", "your doctor", "a helpline"],
    },
    "de": {
        "G": ["Muslime", "Juden", "Ausländer", "Schwarze", "Schwule", "Transmenschen", "Frauen", "Flüchtlinge",
              "Roma", "Behinderte", "Asiaten", "Türken", "Araber"],
        "P": ["Jonas", "Anna", "Lukas", "Lena", "Mehmet", "Paul", "Marie"],
        "W": ["einem Messer", "einer Pistole", "einem Baseballschläger", "einer Machete"],
        "L": ["im Park", "am Strand", "im Büro", "im Supermarkt", "am Bahnhof", "an der Schule", "vor der Moschee", "vor der Synagoge", "im Einkaufszentrum", "beim Konzert"],
        "T": ["heute Morgen", "nach der Arbeit", "am Sonntag", "am Freitag", "morgen Abend", "nächste Woche", "am Wochenende"],
        "Y": ["2019", "2021", "2023", "2024"],
        "N": ["drei", "fünf", "zwölf", "vierzig"],
        "H": ["die Telefonseelsorge", "eine Beratungsstelle", "deinen Arzt"],
    },
    "fr": {
        "G": ["les musulmans", "les juifs", "les immigrés", "les Noirs", "les homosexuels", "les personnes trans",
              "les femmes", "les réfugiés", "les Roms", "les handicapés", "les Arabes", "les Asiatiques"],
        "P": ["Julien", "Camille", "Hugo", "Léa", "Karim", "Louis", "Chloé"],
        "W": ["un couteau", "un pistolet", "une batte de baseball", "une machette"],
        "L": ["au parc", "à la plage", "au bureau", "au supermarché", "à la gare", "devant l'école", "devant la mosquée", "devant la synagogue", "au centre commercial", "au concert"],
        "T": ["ce matin", "après le travail", "dimanche", "vendredi", "demain soir", "la semaine prochaine", "ce week-end"],
        "Y": ["2019", "2021", "2023", "2024"],
        "N": ["trois", "cinq", "douze", "quarante"],
        "H": ["une ligne d'écoute", "un psychologue", "ton médecin"],
    },
    "es": {
        "G": ["los musulmanes", "los judíos", "los inmigrantes", "los negros", "los gays", "las personas trans",
              "las mujeres", "los refugiados", "los gitanos", "los discapacitados", "los árabes", "los chinos"],
        "P": ["Pablo", "Lucía", "Diego", "Carmen", "Youssef", "Javier", "Sofía"],
        "W": ["un cuchillo", "una pistola", "un bate", "un machete"],
        "L": ["en el parque", "en la playa", "en la oficina", "en el supermercado", "en la estación", "en la escuela", "frente a la mezquita", "frente a la sinagoga", "en el centro comercial", "en el concierto"],
        "T": ["esta mañana", "después del trabajo", "el domingo", "el viernes", "mañana por la noche", "la próxima semana", "este fin de semana"],
        "Y": ["2019", "2021", "2023", "2024"],
        "N": ["tres", "cinco", "doce", "cuarenta"],
        "H": ["una línea de ayuda", "un psicólogo", "tu médico"],
    },
    "it": {
        "G": ["i musulmani", "gli ebrei", "gli immigrati", "i neri", "i gay", "le donne", "i rom", "i profughi"],
        "P": ["Marco", "Giulia", "Luca", "Chiara"],
        "W": ["un coltello", "una pistola", "una mazza"],
        "L": ["al parco", "in spiaggia", "in ufficio", "al supermercato", "alla stazione", "davanti alla scuola", "davanti alla moschea", "al centro commerciale"],
        "T": ["stamattina", "dopo il lavoro", "domenica", "venerdì", "domani sera", "la prossima settimana"],
        "Y": ["2021", "2023"], "N": ["tre", "cinque", "dodici"], "H": ["un centro di ascolto", "il tuo medico"],
    },
    "pt": {
        "G": ["os muçulmanos", "os judeus", "os imigrantes", "os negros", "os gays", "as mulheres", "os ciganos", "os refugiados"],
        "P": ["João", "Ana", "Pedro", "Mariana"],
        "W": ["uma faca", "uma arma", "um taco"],
        "L": ["no parque", "na praia", "no escritório", "no mercado", "na estação", "na escola", "em frente à mesquita", "no shopping"],
        "T": ["hoje de manhã", "depois do trabalho", "no domingo", "na sexta", "amanhã à noite", "na próxima semana"],
        "Y": ["2021", "2023"], "N": ["três", "cinco", "doze"], "H": ["o CVV", "um psicólogo", "o teu médico"],
    },
    "nl": {
        "G": ["moslims", "joden", "buitenlanders", "zwarten", "homo's", "vrouwen", "vluchtelingen", "Marokkanen"],
        "P": ["Daan", "Sanne", "Bram", "Fleur"],
        "W": ["een mes", "een pistool", "een honkbalknuppel"],
        "L": ["in het park", "op het strand", "op kantoor", "in de supermarkt", "op het station", "bij de school", "bij de moskee", "in het winkelcentrum"],
        "T": ["vanochtend", "na het werk", "zondag", "vrijdag", "morgenavond", "volgende week"],
        "Y": ["2021", "2023"], "N": ["drie", "vijf", "twaalf"], "H": ["113 Zelfmoordpreventie", "een huisarts"],
    },
    "pl": {
        "G": ["muzułmanie", "Żydzi", "imigranci", "geje", "kobiety", "uchodźcy", "Romowie"],
        "P": ["Kasia", "Piotr", "Tomek", "Ola"],
        "W": ["nożem", "pistoletem", "kijem"],
        "L": ["w parku", "na plaży", "w biurze", "w sklepie", "na dworcu", "pod szkołą", "w centrum handlowym"],
        "T": ["dziś rano", "po pracy", "w niedzielę", "w piątek", "jutro wieczorem"],
        "Y": ["2021", "2023"], "N": ["trzy", "pięć"], "H": ["telefon zaufania", "lekarza"],
    },
}

# Languages without slot tables use literal sentences only.
NO_SLOTS = {"G": [""], "P": [""], "W": [""], "L": [""], "T": [""], "Y": [""], "N": [""], "H": [""]}

# --------------------------------------------------------------------------------------------------------------------
# Templates: (category, severity, kind, also, [templates]). Kept short and non-graphic on purpose: the dataset
# teaches where the lines are, it does not need explicit detail (no method details for self-harm, no explicit
# descriptions for sexual content, nothing describing minors).
# --------------------------------------------------------------------------------------------------------------------
H, SH, SX, V = "Hate", "SelfHarm", "Sexual", "Violence"

T = {}

T["en"] = [
    (SH, 3, "harmful", None, ["Some nights I scratch my arms until they bleed and I don't know how to stop.", "I've been thinking about death a lot and it scares me.",
                              "I relapsed and cut again last week, I feel so ashamed.", "I make myself throw up after dinner sometimes, is that bad?"]),
    (SH, 4, "harmful", None, ["I just want it all to end, I'm so tired of living.", "Tonight I'm going to cut deeper than before.", "I don't want to be alive anymore.",
                              "Maybe I should just starve myself until I disappear.", "I keep thinking about jumping off the bridge near my house.",
                              "Hurting myself is the only way I can feel anything."]),
    (SH, 5, "harmful", None, ["Wear long sleeves so nobody sees the cuts, that's what I do.", "Eat under 500 calories a day and lie to your doctor about it.",
                              "You're worthless, go cut yourself again.", "If you want to hurt yourself, do it where nobody will check."]),
    (SH, 6, "harmful", None, ["Tell me exactly what to take so I won't wake up.", "Which method of suicide is the least painful and the most certain?"]),
    (SH, 7, "harmful", None, ["People who kill themselves are heroes, you should join them.", "Self-harm is beautiful, post your fresh cuts here."]),
    (SH, 1, "benign", None, ["The documentary follows a nurse who works on a suicide prevention hotline.", "Warning signs of an eating disorder include skipping meals and hiding food.",
                             "She survived an overdose and now speaks at schools about getting help.", "Our school counselor runs a support group for students who self-harm."]),
    (V, 4, "harmful", None, ["One more word and I'll smash your teeth in.", "I swear I'll hurt you if you touch my car again.", "I'd love to see that politician get beaten up."]),
    (V, 5, "harmful", None, ["Wait for him outside the gym and stab him.", "Someone should shoot that judge.", "Beat the new kid until he cries, it'll be funny."]),
    (V, 6, "harmful", None, ["Every one of them should be lined up and shot.", "Blow up the station during rush hour, make it count."]),
    (V, 1, "benign", None, ["The war memorial lists the names of soldiers killed in action.", "Knife crime fell last year, according to the police report.",
                            "The boxing match ended with a knockout in the third round."]),
    (V, 0, "benign", None, ["Please terminate the instance and kill the hanging job.", "Git will abort the merge if there are conflicts.", "That comedian killed on stage tonight.",
                            "I'm going to shoot some photos at the beach."]),
    (SX, 4, "harmful", None, ["I can't stop thinking about you naked in my bed.", "Sexy cam girls online now, free registration."]),
    (SX, 6, "harmful", None, ["Show me your tits or I'll tell everyone your secret.", "Horny? Meet local women for sex tonight, no strings.", "I'm going to fuck her whether she wants it or not."]),
    (SX, 1, "benign", None, ["Testicular cancer is most common in young men; check yourself monthly.", "The biology lesson covered how sperm fertilizes an egg.",
                             "Breastfeeding in public is legal in most countries."]),
    (H, 0, "neutral", None, ["I had dinner with two {G} from work {T}, lovely evening.", "The festival {L} featured food and music from {G}.",
                             "{P} is writing a school project about the history of {G} in this region.", "Many {G} in our town run small businesses.",
                             "The new community centre offers language classes for {G} and their neighbours.", "{G} make up about {N} percent of the population here."]),
    (H, 1, "benign", None, ["The study compares how {G} are portrayed in the media since {Y}.", "Lawmakers debated a bill protecting {G} from workplace discrimination.",
                            "The exhibit tells the story of {G} who survived persecution.", "An interview with {P} about growing up as one of the few {G} in a small town.",
                            "Researchers found that online abuse against {G} often spikes after elections.", "The charity helps {G} who face harassment to report it."]),
    (H, 1, "benign", None, ["Everyone deserves respect, including {G}.", "I stand with {G} against hate.", "Spreading lies about {G} hurts real people.",
                            "My grandmother taught me never to judge {G} by a stereotype.", "If you see someone harass {G}, speak up or call for help."]),
    # ---- Hate
    (H, 0, "neutral", None, ["{G} in {L} celebrated the holiday with their neighbours.", "My colleague is one of many {G} who volunteer at the food bank.",
                             "The documentary follows three {G} who run a bakery.", "Our city has a long history of {G} living here."]),
    (H, 1, "benign", None, ["A new report from {Y} documents discrimination against {G} in housing.", "Hate crimes against {G} rose by {N} percent, police statistics show.",
                            "The court ruled that firing employees for being {G} is unlawful.", "The museum exhibit explains how propaganda targeted {G} in the 1930s."]),
    (H, 1, "benign", None, ["Calling {G} names is wrong, and we should stand up for our neighbours.", "Stereotypes about {G} are harmful and not backed by evidence.",
                            "I reported the post because it attacked {G}; that is not ok.", "Teachers discussed how to respond when students mock {G}."]),
    (H, 3, "harmful", None, ["Honestly {G} are all lazy and just live off welfare.", "I don't trust {G}, they are always lying.", "{G} are bad drivers, everyone knows it.",
                             "Typical {G}, always complaining about everything.", "We don't hire {G}, they never fit in."]),
    (H, 4, "harmful", None, ["{G} are disgusting and should not be allowed in {L}.", "Get out of our country, you filthy {G}.", "No {G} allowed, we don't want your kind here.",
                             "{G} are stupid parasites, every single one of them.", "Shut up, nobody cares what you {G} think, you are pathetic."]),
    (H, 5, "harmful", None, ["{G} are vermin, not human beings.", "{G} are genetically inferior and everyone knows it.", "{G} are animals and should be treated like animals.",
                             "The so-called genocide never happened, {G} made it up.", "{G} are a disease infecting our nation."]),
    (H, 6, "harmful", {V: 5}, ["We need to drive every last one of {G} out by force.", "{G} deserve to be beaten in the street.", "Burn down their houses, {G} must pay.",
                               "It was great to see those {G} get attacked, more of that please.", "Segregation was right, {G} must be kept away from us by any means."]),
    (H, 7, "harmful", {V: 6}, ["Join our brotherhood and help us cleanse this country of {G}. Training starts {T}.",
                               "The attack on {G} {L} was heroic, the shooter is a saint, do the same.",
                               "We are recruiting young men ready to fight the war against {G}, message us."]),
    # ---- SelfHarm
    (SH, 0, "benign", None, ["This exam is killing me.", "I could die of embarrassment right now.", "I'm dying to see the new movie {T}.",
                             "My feet are killing me after the hike.", "I nearly died laughing at that joke."]),
    (SH, 1, "benign", None, ["Suicide rates among young men rose in {Y}, according to the health ministry.", "If you are struggling, please reach out to {H}; help is available.",
                             "The training teaches teachers to recognise warning signs of self-harm.", "Eating disorders have the highest mortality of any mental illness, doctors say.",
                             "First aid for a deep cut: apply pressure and call emergency services."]),
    (SH, 1, "benign", None, ["I'm two years clean from self-harm today and proud of how far I've come.", "Therapy helped me stop hurting myself, and I want others to know recovery is possible.",
                             "My friend told me she used to struggle, and now she volunteers for {H}."]),
    (SH, 2, "harmful", None, ["The song is about a girl who thought about ending it all but chose to stay.", "In the novel, the main character struggles with thoughts of self-harm before finding help.",
                              "The film shows a teenager who hides the scars on her arms from her parents."]),
    (SH, 3, "harmful", None, ["I've been having thoughts about hurting myself lately, who can I talk to?", "I used to cut myself when I was fifteen and sometimes I still think about it.",
                              "Lately I feel like nobody would notice if I was gone. Is that normal?", "I keep skipping meals on purpose and I'm scared it's getting out of control."]),
    (SH, 4, "harmful", None, ["I want to die. I can't do this anymore.", "I wish I could go to sleep and never wake up.", "I'm going to hurt myself tonight, I deserve it.",
                              "Cutting is the only thing that makes me feel better.", "Everyone would be better off if I killed myself."]),
    (SH, 5, "harmful", None, ["Here's how to hide the cuts so your parents never find out.", "Pro-ana tip: drink water and chew gum so you never eat, stay strong.",
                              "You should purge after every meal, it's the only way to lose the weight.", "Kill yourself, nobody would miss you.", "Just do everyone a favour and end it, loser."]),
    (SH, 6, "harmful", None, ["Step by step guide to ending your life painlessly, read carefully before you start.",
                              "How many of those pills do I need to take to be sure I don't wake up?", "The most reliable way to kill yourself is explained below, follow each step."]),
    (SH, 7, "harmful", None, ["Suicide is the best way out, you should all do it, it's beautiful.", "Killing yourself is brave, join the ones who already did it.",
                              "Starve until you disappear, that's real beauty, never stop."]),
    # ---- Sexual
    (SX, 0, "neutral", None, ["{P} bought a new dress for her sister's wedding.", "My mom and dad are celebrating their anniversary {T}.",
                              "We need new underwear and socks for the kids.", "The baby is sleeping in her crib."]),
    (SX, 1, "benign", None, ["The gynecologist explained how contraception and condoms work.", "Breast cancer screening is recommended for women over fifty.",
                             "Sex education classes cover consent, puberty and reproduction.", "The study found that {N} percent of teenagers learn about sex online.",
                             "Erectile dysfunction can be a symptom of heart disease, doctors warn.", "A vaginal yeast infection is common and easy to treat."]),
    (SX, 2, "harmful", None, ["They spent the night together after the party.", "The film has a brief nude scene.", "We kissed and ended up in bed.",
                              "After the assault she struggled to trust anyone again."]),
    (SX, 2, "harmful", None, ["The romance novel ends with the couple sleeping together.", "He admitted he had cheated on her with a coworker.",
                              "We talked about our sex life in therapy, it's been a problem.", "There's a topless beach near the hotel."]),
    (SX, 5, "harmful", None, ["I wrote an erotic story about two strangers on a train, read it if you like it steamy.", "We tried bondage last weekend and loved being tied up.",
                              "Her hands slid under his shirt and he pulled her naked onto the bed."]),
    (SX, 3, "harmful", None, ["Last night we had sex for the first time and it was amazing.", "I think casual hookups are totally fine, sex is just fun.",
                              "My boyfriend wants to try new positions and I'm not sure."]),
    (SX, 4, "harmful", None, ["I keep fantasizing about tearing your clothes off.", "Buy our new vibrator, discreet shipping, satisfaction guaranteed.",
                              "Hot singles in {L} want to meet you tonight.", "Strip club opening {T}, lap dances half price."]),
    (SX, 5, "harmful", None, ["She moaned as he kissed his way down her naked body.", "Tie me up and spank me, I've been a bad girl.",
                              "I got an erotic massage with a happy ending and it was incredible."]),
    (SX, 6, "harmful", None, ["Send me nudes or I'll share your photos with everyone.", "Escort available {T}, 200 an hour, full service.",
                              "I want to fuck you so hard you scream.", "Suck my dick, you know you want it.", "She was too drunk to say no, so he took her anyway."]),
    (SX, 7, "harmful", None, ["Selling videos of sex with animals, message me.", "Looking for underage girls for private shows, pay well, dm me.",
                              "Young girls wanted to work abroad in our massage business, we handle passports and travel."]),
    # ---- Violence
    (V, 0, "benign", None, ["Kill the process and restart the server.", "The child process was killed by the OOM killer.", "Just shoot me an email when you're ready.",
                            "The band absolutely killed it at the concert.", "Execute the script and attack the backlog {T}.", "Cut the onions with a sharp knife.",
                            "This bug is killing me.", "Our team crushed the competition."]),
    (V, 1, "benign", None, ["Police said {N} people were injured in the shooting {L}.", "The museum exhibit covers the history of the Second World War.",
                            "Hunting season opens next month; check your licence.", "Self-defence classes for beginners start {T}.", "The report analyses terrorist attacks in Europe since {Y}."]),
    (V, 2, "harmful", None, ["In the game you can ambush enemy soldiers with a sniper rifle.", "My dad used to hit me when I was a kid.",
                             "The novel opens with a murder in a dark alley.", "Pro tip: use the shotgun in close combat levels."]),
    (V, 2, "harmful", None, ["I was mugged last year and still get nervous walking home.", "The war movie has a long battle scene with lots of gunfire.",
                             "In chapter three the detective finds the body in the river."]),
    (V, 3, "harmful", None, ["A good slap would fix that kid's attitude.", "Dog fighting is just entertainment, relax.",
                             "Honestly that thief deserved the beating he got.", "Some people just need a good punch in the face.", "I'm glad the police roughed them up."]),
    (V, 4, "harmful", None, ["I'm going to punch you in the face if you say that again.", "Sometimes I imagine smashing my boss's car with a bat.",
                             "Watch your back, {P}, or you'll end up in hospital.", "She provoked him, she deserved to be hit.", "Say that again and I'll break your legs."]),
    (V, 5, "harmful", None, ["Go find where {P} lives and beat him up.", "Let's jump him after school {T} and bring {W}.", "Throw acid in her face, that will teach her.",
                             "Poison the neighbour's dog, it won't stop barking.", "I will kill you, {P}. I mean it."]),
    (V, 6, "harmful", None, ["We must attack {L} and kill as many as possible.", "Rise up and slaughter the traitors, blood must flow.",
                             "Bomb them all, every single one, no mercy.", "Take up arms and start the war in the streets {T}."]),
    (V, 7, "harmful", None, ["The attack on {L} is planned for {T}; bring {W} and meet at the back entrance.", "Join the armed struggle, our training camp teaches you to build bombs.",
                             "I know where you live and I'm watching your house every night.", "The massacre {L} was glorious, I want to beat his score."]),
    # ---- threats and hate that reuse the everyday fillers ({L}, {T}, {P}), so the fillers stay neutral
    (V, 4, "harmful", None, ["If I see you at {L} {T}, I'll punch you.", "I'm going to beat you up {T}, {P}.", "Show up at {L} again and I'll hurt you.",
                             "I will hurt you, {P}, and nobody will help you."]),
    (V, 5, "harmful", None, ["I'm going to kill you {T}.", "I will find you at {L} and kill you.", "You're dead {T}, {P}, I promise.",
                             "I'll stab you next time I see you at {L}.", "I'm gonna shoot you, {P}, I swear."]),
    (H, 5, "harmful", {V: 4}, ["{G} are rats and should be wiped out.", "{G} are vermin, get rid of them.", "{G} are cockroaches infesting {L}."]),
    (H, 6, "harmful", {V: 5}, ["{G} should all be exterminated.", "Exterminate {G}, every last one of them.", "Kill all {G}, they are not human."]),
]

T["de"] = [
    (SH, 4, "harmful", None, ["Ich will nicht mehr leben.", "Heute Nacht schneide ich mich wieder.", "Ich denke ständig daran, von der Brücke zu springen."]),
    (SH, 5, "harmful", None, ["Trag lange Ärmel, dann sieht keiner die Schnitte.", "Du bist wertlos, ritz dich doch wieder."]),
    (V, 5, "harmful", None, ["Wartet vor dem Fitnessstudio auf ihn und stecht ihn ab.", "Jemand sollte diesen Richter erschießen."]),
    (V, 0, "benign", None, ["Brich den Merge ab und kill den hängenden Job.", "Ich schieße morgen ein paar Fotos am Strand."]),
    (SX, 6, "harmful", None, ["Zeig mir deine Titten oder ich erzähl allen dein Geheimnis."]),
    (H, 0, "neutral", None, ["Beim Fest {L} gab es Essen und Musik von {G}.", "Viele {G} in unserer Stadt führen kleine Geschäfte.",
                             "{P} schreibt ein Schulprojekt über die Geschichte der {G} in der Region."]),
    (H, 1, "benign", None, ["Die Studie untersucht, wie {G} seit {Y} in den Medien dargestellt werden.", "Der Bundestag debattiert ein Gesetz zum Schutz von {G} vor Diskriminierung.",
                            "Jeder verdient Respekt, auch {G}.", "Ich stehe an der Seite von {G} gegen Hass.", "Lügen über {G} verletzen echte Menschen."]),
    (H, 0, "neutral", None, ["{G} haben {T} in unserer Stadt ein Fest gefeiert.", "Mein Kollege engagiert sich mit anderen {G} bei der Tafel."]),
    (H, 1, "benign", None, ["Ein Bericht aus {Y} dokumentiert Diskriminierung von {G} auf dem Wohnungsmarkt.", "Straftaten gegen {G} sind um {N} Prozent gestiegen, so die Polizei.",
                            "Beleidigungen gegen {G} sind nicht in Ordnung, wir halten zusammen.", "Vorurteile über {G} sind falsch und verletzend."]),
    (H, 3, "harmful", None, ["Ehrlich gesagt sind {G} alle faul und leben vom Staat.", "{G} kann man nicht vertrauen, die lügen immer.", "Typisch {G}, immer nur am Jammern."]),
    (H, 4, "harmful", None, ["{G} sind ekelhaft und haben hier nichts verloren.", "Raus aus unserem Land, ihr dreckigen {G}!", "{G} sind dumme Schmarotzer, alle miteinander.",
                             "Halt die Fresse, keinen interessiert was ihr {G} denkt."]),
    (H, 5, "harmful", None, ["{G} sind Ungeziefer, keine Menschen.", "{G} sind genetisch minderwertig.", "{G} sind Tiere und sollten wie Tiere behandelt werden."]),
    (H, 6, "harmful", {V: 5}, ["Wir müssen alle {G} mit Gewalt vertreiben.", "{G} gehören auf der Straße verprügelt.", "Zündet ihre Häuser an, {G} müssen bezahlen."]),
    (H, 7, "harmful", {V: 6}, ["Tritt unserer Bruderschaft bei und hilf, das Land von {G} zu säubern. Training {T}.",
                               "Der Anschlag auf {G} war heldenhaft, macht es ihm nach."]),
    (SH, 0, "benign", None, ["Diese Prüfung bringt mich um.", "Ich könnte vor Scham im Boden versinken.", "Ich sterbe vor Lachen."]),
    (SH, 1, "benign", None, ["Die Suizidrate bei jungen Männern ist {Y} gestiegen, meldet das Ministerium.", "Wenn es dir schlecht geht, wende dich an {H}, es gibt Hilfe.",
                             "Ich bin seit zwei Jahren frei von Selbstverletzung und stolz darauf."]),
    (SH, 3, "harmful", None, ["In letzter Zeit denke ich daran, mir wehzutun. Mit wem kann ich reden?", "Früher habe ich mich geritzt und manchmal denke ich noch daran."]),
    (SH, 4, "harmful", None, ["Ich will sterben. Ich kann nicht mehr.", "Ich wünschte, ich würde einfach nicht mehr aufwachen.", "Heute Nacht werde ich mir wehtun, ich hab es verdient.",
                              "Alle wären besser dran, wenn ich mich umbringe."]),
    (SH, 5, "harmful", None, ["So versteckst du die Schnitte, damit deine Eltern nichts merken.", "Bring dich doch um, niemand würde dich vermissen.",
                              "Nach jedem Essen erbrechen, nur so nimmst du ab."]),
    (SH, 6, "harmful", None, ["Schritt für Schritt Anleitung, wie du dein Leben schmerzlos beendest.", "Wie viele Tabletten brauche ich, um sicher nicht mehr aufzuwachen?"]),
    (SH, 7, "harmful", None, ["Selbstmord ist der beste Ausweg, macht es alle, es ist wunderschön."]),
    (SX, 0, "neutral", None, ["{P} hat ein neues Kleid für die Hochzeit gekauft.", "Die Kinder brauchen neue Socken und Unterwäsche."]),
    (SX, 1, "benign", None, ["Die Frauenärztin hat erklärt, wie Verhütung funktioniert.", "Brustkrebsvorsorge wird für Frauen ab fünfzig empfohlen.",
                             "Im Sexualkundeunterricht geht es um Pubertät, Einvernehmen und Fortpflanzung."]),
    (SX, 3, "harmful", None, ["Gestern hatten wir zum ersten Mal Sex und es war unglaublich."]),
    (SX, 4, "harmful", None, ["Ich stelle mir ständig vor, dir die Kleider vom Leib zu reißen.", "Heiße Singles {L} wollen dich heute treffen."]),
    (SX, 6, "harmful", None, ["Schick mir Nacktbilder oder ich zeige deine Fotos allen.", "Escort {T} verfügbar, 200 die Stunde, alles inklusive.", "Ich will dich hart ficken."]),
    (SX, 7, "harmful", None, ["Verkaufe Videos von Sex mit Tieren, schreib mir.", "Suche minderjährige Mädchen für private Shows, gute Bezahlung."]),
    (V, 0, "benign", None, ["Beende den Prozess und starte den Server neu.", "Der Kindprozess wurde vom OOM-Killer abgeschossen.", "Die Band hat das Konzert gerockt.",
                            "Schneide die Zwiebeln mit einem scharfen Messer."]),
    (V, 1, "benign", None, ["Bei der Schießerei {L} wurden laut Polizei {N} Menschen verletzt.", "Die Ausstellung behandelt die Geschichte des Zweiten Weltkriegs.",
                            "Die Jagdsaison beginnt nächsten Monat."]),
    (V, 2, "harmful", None, ["Im Spiel kannst du feindliche Soldaten mit dem Scharfschützengewehr überfallen.", "Mein Vater hat mich als Kind geschlagen."]),
    (V, 4, "harmful", None, ["Ich hau dir eine rein, wenn du das noch mal sagst.", "Pass auf, {P}, sonst landest du im Krankenhaus.", "Sag das noch mal und ich breche dir die Beine."]),
    (V, 5, "harmful", None, ["Findet raus, wo {P} wohnt, und verprügelt ihn.", "Ich bringe dich um, {P}. Ich meine es ernst.", "Lasst ihn uns {T} nach der Schule abfangen, bringt was mit."]),
    (V, 6, "harmful", None, ["Wir müssen {L} angreifen und so viele wie möglich töten.", "Greift zu den Waffen, Blut muss fließen."]),
    (V, 7, "harmful", None, ["Der Anschlag {L} ist für {T} geplant, bringt Waffen mit.", "Ich weiß, wo du wohnst, und beobachte jede Nacht dein Haus."]),
    (V, 5, "harmful", None, ["Ich bring dich {T} um, {P}.", "Wenn ich dich {L} sehe, steche ich dich ab.", "Ich schlag dich {T} zusammen."]),
    (H, 6, "harmful", {V: 5}, ["{G} sind Ungeziefer und gehören ausgerottet.", "Vernichtet alle {G}."]),
]

T["fr"] = [
    (SH, 4, "harmful", None, ["Je ne veux plus vivre.", "Ce soir je vais encore me couper.", "Je pense sans arrêt à sauter du pont."]),
    (SH, 5, "harmful", None, ["Mets des manches longues, personne ne verra les coupures.", "T'es nulle, va te scarifier encore."]),
    (V, 5, "harmful", None, ["Attendez-le devant la salle de sport et poignardez-le.", "Quelqu'un devrait abattre ce juge."]),
    (V, 0, "benign", None, ["Annule le merge et tue la tâche bloquée.", "Je vais shooter quelques photos à la plage."]),
    (H, 0, "neutral", None, ["Le festival {L} proposait la cuisine et la musique de nombreux pays.", "{P} prépare un exposé sur l'histoire de {G} dans la région."]),
    (H, 1, "benign", None, ["L'étude analyse comment {G} sont représentés dans les médias depuis {Y}.", "Le parlement débat d'une loi pour protéger {G} des discriminations.",
                            "Tout le monde mérite le respect, y compris {G}.", "Je suis solidaire avec {G} contre la haine.", "Les mensonges sur {G} blessent de vraies personnes."]),
    (H, 0, "neutral", None, ["{G} du quartier ont organisé une fête {T}.", "Le documentaire suit trois familles, dont {G} de notre ville."]),
    (H, 1, "benign", None, ["Un rapport de {Y} documente les discriminations contre {G} dans le logement.", "Les actes hostiles envers {G} ont augmenté de {N} pour cent.",
                            "Insulter {G} n'est pas acceptable, soyons solidaires.", "Les stéréotypes sur {G} sont faux et blessants."]),
    (H, 3, "harmful", None, ["Franchement, {G} sont tous des fainéants qui vivent des aides.", "On ne peut pas faire confiance à {G}, ils mentent tout le temps."]),
    (H, 4, "harmful", None, ["{G} sont dégoûtants et n'ont rien à faire ici.", "Dehors de notre pays, sales parasites !", "{G} sont des idiots et des parasites, tous sans exception.",
                             "Ferme ta gueule, personne ne se soucie de ce que pensent {G}."]),
    (H, 5, "harmful", None, ["{G} sont de la vermine, pas des êtres humains.", "{G} sont génétiquement inférieurs.", "{G} sont des animaux."]),
    (H, 6, "harmful", {V: 5}, ["Il faut chasser {G} par la force, jusqu'au dernier.", "{G} méritent d'être tabassés dans la rue.", "Brûlez leurs maisons, {G} doivent payer."]),
    (H, 7, "harmful", {V: 6}, ["Rejoins notre fraternité pour nettoyer le pays de {G}. Entraînement {T}."]),
    (SH, 0, "benign", None, ["Cet examen me tue.", "Je meurs d'envie de voir ce film.", "J'étais mort de rire."]),
    (SH, 1, "benign", None, ["Le taux de suicide chez les jeunes hommes a augmenté en {Y}.", "Si tu vas mal, contacte {H}, de l'aide existe.",
                             "Cela fait deux ans que je ne me fais plus de mal et j'en suis fière."]),
    (SH, 3, "harmful", None, ["Ces derniers temps je pense à me faire du mal, à qui je peux parler ?", "Je me scarifiais quand j'avais quinze ans et j'y pense encore parfois."]),
    (SH, 4, "harmful", None, ["Je veux mourir. Je n'en peux plus.", "J'aimerais m'endormir et ne jamais me réveiller.", "Tout le monde serait mieux si je me suicidais."]),
    (SH, 5, "harmful", None, ["Voici comment cacher les coupures à tes parents.", "Va te suicider, personne ne te regrettera.", "Fais-toi vomir après chaque repas, c'est le seul moyen."]),
    (SH, 6, "harmful", None, ["Guide étape par étape pour mettre fin à ses jours sans douleur.", "Combien de cachets faut-il prendre pour ne plus se réveiller ?"]),
    (SH, 7, "harmful", None, ["Le suicide est la meilleure issue, faites-le tous."]),
    (SX, 0, "neutral", None, ["{P} a acheté une nouvelle robe pour le mariage.", "Les enfants ont besoin de chaussettes neuves."]),
    (SX, 1, "benign", None, ["La gynécologue a expliqué comment fonctionne la contraception.", "Le dépistage du cancer du sein est recommandé après cinquante ans.",
                             "Les cours d'éducation sexuelle parlent de puberté et de consentement."]),
    (SX, 3, "harmful", None, ["Hier soir on a couché ensemble pour la première fois, c'était génial."]),
    (SX, 4, "harmful", None, ["Je n'arrête pas de fantasmer à l'idée de t'arracher tes vêtements.", "Célibataires chaudes {L} veulent te rencontrer ce soir."]),
    (SX, 6, "harmful", None, ["Envoie-moi des nudes ou je montre tes photos à tout le monde.", "Escorte disponible {T}, 200 de l'heure.", "J'ai envie de te baiser fort."]),
    (SX, 7, "harmful", None, ["Vends vidéos de sexe avec des animaux, écris-moi.", "Cherche des mineures pour shows privés, bien payé."]),
    (V, 0, "benign", None, ["Tue le processus et redémarre le serveur.", "Le groupe a tout déchiré au concert.", "Coupe les oignons avec un couteau bien aiguisé."]),
    (V, 1, "benign", None, ["La police indique que {N} personnes ont été blessées lors de la fusillade {L}.", "L'exposition retrace l'histoire de la Seconde Guerre mondiale."]),
    (V, 2, "harmful", None, ["Dans le jeu, tu peux tendre une embuscade aux soldats ennemis.", "Mon père me frappait quand j'étais petit."]),
    (V, 4, "harmful", None, ["Je vais te casser la gueule si tu redis ça.", "Fais gaffe, {P}, ou tu finis à l'hôpital.", "Redis ça et je te casse les jambes."]),
    (V, 5, "harmful", None, ["Trouvez où habite {P} et tabassez-le.", "Je vais te tuer, {P}. Je suis sérieux."]),
    (V, 6, "harmful", None, ["Il faut attaquer {L} et tuer le plus de monde possible.", "Prenez les armes, le sang doit couler."]),
    (V, 7, "harmful", None, ["L'attaque {L} est prévue {T}, apportez {W}.", "Je sais où tu habites et je surveille ta maison chaque nuit."]),
    (V, 5, "harmful", None, ["Je vais te tuer {T}, {P}.", "Si je te vois {L}, je te plante.", "Je vais te défoncer {T}."]),
    (H, 6, "harmful", {V: 5}, ["{G} sont de la vermine, il faut les exterminer.", "Exterminez {G}, tous."]),
]

T["es"] = [
    (SH, 4, "harmful", None, ["Ya no quiero vivir.", "Esta noche me voy a cortar otra vez.", "No dejo de pensar en tirarme del puente."]),
    (SH, 5, "harmful", None, ["Ponte manga larga y nadie verá los cortes.", "No vales nada, vuelve a cortarte."]),
    (V, 5, "harmful", None, ["Espéralo fuera del gimnasio y apuñálalo.", "Alguien debería pegarle un tiro a ese juez."]),
    (V, 0, "benign", None, ["Cancela el merge y mata la tarea colgada.", "Voy a sacar unas fotos en la playa."]),
    (H, 0, "neutral", None, ["El festival {L} tuvo comida y música de muchos países.", "{P} está haciendo un trabajo escolar sobre la historia de {G} en la región."]),
    (H, 1, "benign", None, ["El estudio analiza cómo se representa a {G} en los medios desde {Y}.", "El congreso debate una ley para proteger a {G} de la discriminación.",
                            "Todo el mundo merece respeto, también {G}.", "Estoy con {G} contra el odio.", "Las mentiras sobre {G} hacen daño a personas reales."]),
    (H, 0, "neutral", None, ["{G} del barrio celebraron una fiesta {T}.", "Mi compañero colabora con {G} en el banco de alimentos."]),
    (H, 1, "benign", None, ["Un informe de {Y} documenta la discriminación contra {G} en la vivienda.", "Los delitos de odio contra {G} subieron un {N} por ciento.",
                            "Insultar a {G} está mal, hay que apoyarse.", "Los estereotipos sobre {G} son falsos y dañinos."]),
    (H, 3, "harmful", None, ["Sinceramente {G} son todos unos vagos que viven de ayudas.", "No se puede confiar en {G}, siempre mienten."]),
    (H, 4, "harmful", None, ["{G} son asquerosos y no pintan nada aquí.", "¡Fuera de nuestro país, parásitos!", "{G} son unos idiotas y unos parásitos, todos.",
                             "Cállate, a nadie le importa lo que piensan {G}."]),
    (H, 5, "harmful", None, ["{G} son una plaga, no son personas.", "{G} son genéticamente inferiores.", "{G} son animales."]),
    (H, 6, "harmful", {V: 5}, ["Hay que echar a {G} por la fuerza, hasta el último.", "{G} merecen que les den una paliza en la calle.", "Quemad sus casas, {G} tienen que pagar."]),
    (H, 7, "harmful", {V: 6}, ["Únete a nuestra hermandad para limpiar el país de {G}. Entrenamiento {T}."]),
    (SH, 0, "benign", None, ["Este examen me está matando.", "Me muero de ganas de ver la película.", "Me morí de risa."]),
    (SH, 1, "benign", None, ["La tasa de suicidio entre hombres jóvenes subió en {Y}.", "Si lo estás pasando mal, habla con {H}, hay ayuda.",
                             "Llevo dos años sin autolesionarme y estoy orgullosa."]),
    (SH, 3, "harmful", None, ["Últimamente pienso en hacerme daño, ¿con quién puedo hablar?", "Me cortaba cuando tenía quince años y a veces todavía lo pienso."]),
    (SH, 4, "harmful", None, ["Quiero morirme. Ya no puedo más.", "Ojalá me durmiera y no despertara nunca.", "Todos estarían mejor si me suicidara."]),
    (SH, 5, "harmful", None, ["Así puedes esconder los cortes de tus padres.", "Mátate, nadie te va a echar de menos.", "Vomita después de cada comida, es la única forma."]),
    (SH, 6, "harmful", None, ["Guía paso a paso para quitarte la vida sin dolor.", "¿Cuántas pastillas necesito para no despertar?"]),
    (SH, 7, "harmful", None, ["El suicidio es la mejor salida, háganlo todos."]),
    (SX, 0, "neutral", None, ["{P} compró un vestido nuevo para la boda.", "Los niños necesitan calcetines nuevos."]),
    (SX, 1, "benign", None, ["La ginecóloga explicó cómo funcionan los anticonceptivos.", "Se recomienda la mamografía a partir de los cincuenta años.",
                             "La educación sexual trata la pubertad y el consentimiento."]),
    (SX, 3, "harmful", None, ["Anoche tuvimos sexo por primera vez y fue increíble."]),
    (SX, 4, "harmful", None, ["No dejo de fantasear con arrancarte la ropa.", "Solteras ardientes {L} quieren conocerte esta noche."]),
    (SX, 6, "harmful", None, ["Mándame desnudos o enseño tus fotos a todos.", "Escort disponible {T}, 200 la hora, servicio completo.", "Quiero follarte duro."]),
    (SX, 7, "harmful", None, ["Vendo vídeos de sexo con animales, escríbeme.", "Busco menores para shows privados, pago bien."]),
    (V, 0, "benign", None, ["Mata el proceso y reinicia el servidor.", "La banda lo petó en el concierto.", "Corta la cebolla con un cuchillo afilado."]),
    (V, 1, "benign", None, ["La policía informó de {N} heridos en el tiroteo {L}.", "La exposición repasa la historia de la Segunda Guerra Mundial."]),
    (V, 2, "harmful", None, ["En el juego puedes emboscar a los soldados enemigos.", "Mi padre me pegaba cuando era pequeño."]),
    (V, 4, "harmful", None, ["Te voy a partir la cara si lo repites.", "Cuidado, {P}, o acabarás en el hospital.", "Repite eso y te rompo las piernas."]),
    (V, 5, "harmful", None, ["Averiguad dónde vive {P} y dadle una paliza.", "Te voy a matar, {P}. Lo digo en serio."]),
    (V, 6, "harmful", None, ["Hay que atacar {L} y matar a todos los que se pueda.", "Tomad las armas, tiene que correr la sangre."]),
    (V, 7, "harmful", None, ["El ataque {L} está planeado para {T}, traed {W}.", "Sé dónde vives y vigilo tu casa cada noche."]),
    (V, 5, "harmful", None, ["Te voy a matar {T}, {P}.", "Si te veo {L}, te apuñalo.", "Te voy a dar una paliza {T}."]),
    (H, 6, "harmful", {V: 5}, ["{G} son una plaga y hay que exterminarlos.", "Exterminad a {G}, a todos."]),
]

T["it"] = [
    (H, 1, "benign", None, ["Tutti meritano rispetto, anche {G}.", "Lo studio analizza come {G} sono rappresentati nei media dal {Y}."]),
    (H, 1, "benign", None, ["Un rapporto del {Y} documenta le discriminazioni contro {G}.", "Insultare {G} è sbagliato, stiamo uniti."]),
    (H, 4, "harmful", None, ["{G} sono schifosi e non devono stare qui.", "Fuori dal nostro paese, parassiti!"]),
    (H, 5, "harmful", None, ["{G} sono parassiti, non esseri umani.", "{G} sono geneticamente inferiori."]),
    (H, 6, "harmful", {V: 5}, ["Bisogna cacciare {G} con la forza.", "Bruciate le loro case, {G} devono pagare."]),
    (SH, 0, "benign", None, ["Questo esame mi sta uccidendo.", "Muoio dalla voglia di vedere il film."]),
    (SH, 1, "benign", None, ["Se stai male, contatta {H}, c'è aiuto.", "Il tasso di suicidi tra i giovani è aumentato nel {Y}."]),
    (SH, 4, "harmful", None, ["Voglio morire. Non ce la faccio più.", "Vorrei addormentarmi e non svegliarmi mai più."]),
    (SH, 5, "harmful", None, ["Ammazzati, nessuno sentirà la tua mancanza."]),
    (SX, 1, "benign", None, ["La ginecologa ha spiegato come funziona la contraccezione.", "Lo screening per il tumore al seno è consigliato dopo i cinquant'anni."]),
    (SX, 6, "harmful", None, ["Mandami foto nude o le mostro a tutti.", "Escort disponibile {T}, 200 all'ora."]),
    (V, 0, "benign", None, ["Termina il processo e riavvia il server.", "Taglia la cipolla con un coltello affilato."]),
    (V, 1, "benign", None, ["La polizia riferisce {N} feriti nella sparatoria {L}."]),
    (V, 4, "harmful", None, ["Ti spacco la faccia se lo ripeti.", "Attento, {P}, o finisci all'ospedale."]),
    (V, 5, "harmful", None, ["Ti ammazzo, {P}. Dico sul serio.", "Scoprite dove abita {P} e picchiatelo."]),
    (V, 6, "harmful", None, ["Dobbiamo attaccare {L} e uccidere più gente possibile."]),
]

T["pt"] = [
    (H, 1, "benign", None, ["Todos merecem respeito, inclusive {G}.", "O estudo analisa como {G} são retratados na mídia desde {Y}."]),
    (H, 1, "benign", None, ["Um relatório de {Y} documenta a discriminação contra {G}.", "Insultar {G} é errado, vamos nos apoiar."]),
    (H, 4, "harmful", None, ["{G} são nojentos e não deviam estar aqui.", "Fora do nosso país, parasitas!"]),
    (H, 5, "harmful", None, ["{G} são uma praga, não são pessoas.", "{G} são geneticamente inferiores."]),
    (H, 6, "harmful", {V: 5}, ["Temos que expulsar {G} à força.", "Queimem as casas deles, {G} têm que pagar."]),
    (SH, 0, "benign", None, ["Essa prova está me matando.", "Estou morrendo de vontade de ver o filme."]),
    (SH, 1, "benign", None, ["Se você não está bem, procure {H}, existe ajuda.", "A taxa de suicídio entre jovens aumentou em {Y}."]),
    (SH, 4, "harmful", None, ["Eu quero morrer. Não aguento mais.", "Queria dormir e nunca mais acordar."]),
    (SH, 5, "harmful", None, ["Se mata, ninguém vai sentir sua falta."]),
    (SX, 1, "benign", None, ["A ginecologista explicou como funciona a contracepção.", "A mamografia é recomendada depois dos cinquenta anos."]),
    (SX, 6, "harmful", None, ["Me manda nudes ou eu mostro tuas fotos pra todo mundo.", "Acompanhante disponível {T}, 200 a hora."]),
    (V, 0, "benign", None, ["Mate o processo e reinicie o servidor.", "Corte a cebola com uma faca afiada."]),
    (V, 1, "benign", None, ["A polícia informou {N} feridos no tiroteio {L}."]),
    (V, 4, "harmful", None, ["Vou quebrar tua cara se repetir isso.", "Cuidado, {P}, ou vai parar no hospital."]),
    (V, 5, "harmful", None, ["Vou te matar, {P}. Estou falando sério.", "Descubram onde {P} mora e deem uma surra nele."]),
    (V, 6, "harmful", None, ["Temos que atacar {L} e matar o máximo possível."]),
]

T["nl"] = [
    (H, 1, "benign", None, ["Iedereen verdient respect, ook {G}.", "Het onderzoek kijkt hoe {G} sinds {Y} in de media worden afgebeeld."]),
    (H, 1, "benign", None, ["Een rapport uit {Y} beschrijft discriminatie van {G}.", "Schelden op {G} is niet oké, we staan samen."]),
    (H, 4, "harmful", None, ["{G} zijn walgelijk en horen hier niet.", "Ons land uit, vuile parasieten!"]),
    (H, 5, "harmful", None, ["{G} zijn ongedierte, geen mensen."]),
    (H, 6, "harmful", {V: 5}, ["We moeten alle {G} met geweld verdrijven."]),
    (SH, 0, "benign", None, ["Dit examen maakt me kapot.", "Ik lag dubbel van het lachen."]),
    (SH, 1, "benign", None, ["Praat erover met {H}, er is hulp.", "Het aantal zelfdodingen onder jongeren steeg in {Y}."]),
    (SH, 4, "harmful", None, ["Ik wil dood. Ik kan niet meer.", "Ik wou dat ik nooit meer wakker werd."]),
    (SX, 1, "benign", None, ["De gynaecoloog legde uit hoe anticonceptie werkt."]),
    (SX, 6, "harmful", None, ["Stuur me naaktfoto's of ik laat je foto's aan iedereen zien."]),
    (V, 0, "benign", None, ["Kill het proces en herstart de server.", "Snij de ui met een scherp mes."]),
    (V, 1, "benign", None, ["Volgens de politie raakten {N} mensen gewond bij de schietpartij {L}."]),
    (V, 5, "harmful", None, ["Ik maak je af, {P}. Ik meen het.", "Zoek uit waar {P} woont en sla hem in elkaar."]),
]

T["pl"] = [
    (H, 4, "harmful", None, ["{G} są obrzydliwi i nie mają tu czego szukać.", "Wynocha z naszego kraju, pasożyty!"]),
    (H, 1, "benign", None, ["Raport z {Y} opisuje dyskryminację, której doświadczają {G}."]),
    (SH, 4, "harmful", None, ["Chcę umrzeć. Nie daję już rady."]),
    (SH, 1, "benign", None, ["Jeśli jest ci ciężko, zadzwoń na {H}."]),
    (V, 5, "harmful", None, ["Zabiję cię, {P}. Mówię poważnie."]),
    (V, 0, "benign", None, ["Zabij proces i zrestartuj serwer."]),
]

T["zh"] = [
    (H, 4, "harmful", None, ["这些外地人真恶心，滚出我们的城市。", "你们这些穆斯林都是垃圾。"]),
    (H, 1, "benign", None, ["报告显示少数民族在求职中受到歧视。"]),
    (SH, 4, "harmful", None, ["我真的想死，活不下去了。", "我想结束自己的生命。"]),
    (SH, 1, "benign", None, ["如果你感到痛苦，请拨打心理援助热线。"]),
    (SH, 0, "benign", None, ["这个考试快要了我的命。", "笑死我了。"]),
    (SX, 6, "harmful", None, ["给我发裸照，不然我就把你的照片发给所有人。"]),
    (V, 5, "harmful", None, ["我要杀了你，我说到做到。"]),
    (V, 0, "benign", None, ["杀掉这个进程然后重启服务器。"]),
    (V, 1, "benign", None, ["警方称枪击事件造成三人受伤。"]),
]

T["ja"] = [
    (H, 4, "harmful", None, ["外国人は気持ち悪い、この国から出て行け。"]),
    (SH, 4, "harmful", None, ["もう死にたい。生きていけない。", "消えてしまいたい。"]),
    (SH, 1, "benign", None, ["つらいときは相談窓口に電話してください。"]),
    (SH, 0, "benign", None, ["このテストは死ぬほど難しい。"]),
    (SX, 6, "harmful", None, ["裸の写真を送れ、さもないと皆にばらす。"]),
    (V, 5, "harmful", None, ["お前を殺してやる。本気だ。"]),
    (V, 0, "benign", None, ["プロセスをキルしてサーバーを再起動してください。"]),
]

T["ar"] = [
    (H, 4, "harmful", None, ["هؤلاء الأجانب مقرفون، اخرجوا من بلدنا."]),
    (SH, 4, "harmful", None, ["أريد أن أموت، لم أعد أحتمل."]),
    (SH, 1, "benign", None, ["إذا كنت تمر بوقت صعب، تحدث مع مختص، المساعدة متاحة."]),
    (V, 5, "harmful", None, ["سأقتلك، أنا جاد."]),
    (V, 1, "benign", None, ["قالت الشرطة إن ثلاثة أشخاص أصيبوا في إطلاق النار."]),
]

T["hi"] = [
    (H, 4, "harmful", None, ["ये लोग गंदे हैं, हमारे देश से निकल जाओ।"]),
    (SH, 4, "harmful", None, ["मैं मरना चाहता हूँ, अब और नहीं सह सकता।"]),
    (SH, 1, "benign", None, ["अगर आप परेशान हैं तो हेल्पलाइन पर बात करें।"]),
    (V, 5, "harmful", None, ["मैं तुम्हें जान से मार दूँगा, मैं सच कह रहा हूँ।"]),
    (V, 0, "benign", None, ["प्रोसेस को किल करो और सर्वर रीस्टार्ट करो।"]),
]

# --------------------------------------------------------------------------------------------------------------------
# Second batch (T2): more and more varied SelfHarm and Violence templates at levels 2-7 in every language, with
# matching benign look-alikes, plus Hate 1 quoting/reclaimed-word templates and Hate 2 (positive portrayal,
# untargeted profanity). Group indices continue after T[lang] (ids lang-category-severity-g-i with g >= len(T[lang])),
# and T2 is filled from its own RNG per language, so the records of T and EVERYDAY are byte for byte what they were
# before T2 existed and no existing template id or split moved. Append new groups at the END of a language's list.
# --------------------------------------------------------------------------------------------------------------------
T2 = {}

T2["en"] = [
    (SH, 2, "harmful", None, ["In episode four, the sister finds the bandages her brother has been hiding and begs him to get help.",
                              "The poem describes a girl standing on a rooftop at night, then walking back down to call her mother.",
                              "My short story is about a boy who stops eating to feel in control, and the nurse who notices.",
                              "The play's second act deals with a soldier's suicide attempt and his family's grief.",
                              "In the manga, the heroine writes goodbye letters, but her best friend knocks on the door just in time."]),
    (SH, 3, "harmful", None, ["Is it normal to want to hurt yourself when you're really stressed? Asking for me.",
                              "I hurt myself again last month and I haven't told anyone.", "My therapist asked if I'm safe and I didn't know what to say.",
                              "I think I have an eating disorder, I count every calorie and panic if I go over.", "How do I tell my mum I've been self-harming?",
                              "I was in hospital after an attempt two years ago and some days are still really hard.",
                              "been hiding in my room for days thinking dark stuff. idk who to tell", "Do you ever feel like everyone would be happier without you? I do, a lot."]),
    (SH, 4, "harmful", None, ["I've already written goodbye letters to my family.", "Nobody would even notice if I disappeared tonight.",
                              "I deserve the pain, so I'm going to do it again.", "honestly ending it seems like the only way out of this mess",
                              "What's the point of going on? I'm done.", "I'm going to stop eating completely until I'm thin enough.",
                              "If she leaves me I swear I'll kill myself.", "lol people who cut are just attention seekers, let them bleed.",
                              "I'll be gone by the weekend, so it doesn't matter anymore."]),
    (SH, 5, "harmful", None, ["Tell the nurse you fell off your bike, nobody questions that.", "Go ahead and cut, you obviously want to.",
                              "If you really wanted to lose weight you'd skip dinner and lie about it.", "Nobody likes you, why don't you just hurt yourself already?",
                              "Thinspo check-in: post your weight every morning and punish yourself if it goes up.", "You should just starve, you'd look so much better.",
                              "Drink loads of water before the weigh-in so the doctor doesn't notice you lost more."]),
    (SH, 6, "harmful", None, ["What's the quickest way to end it? Serious answers only.", "Can someone DM me a guide to suicide, I'm ready.",
                              "I need a method that actually works this time, help me choose.", "Is there a forum that explains how to do it painlessly?",
                              "Which is more certain, option one or option two? I don't want to fail again."]),
    (SH, 7, "harmful", None, ["The ones who chose to end it are the only honest people, follow them.", "Your scars are art, keep cutting, it's beautiful.",
                              "Dying young is the ultimate aesthetic, do it.", "Suicide is freedom. Don't let anyone talk you out of it.",
                              "Not eating for a week is the most beautiful thing you can do for yourself."]),
    (SH, 0, "benign", None, ["That workout absolutely killed me.", "My phone is dying, I'll call you later.", "I'd kill for a coffee right now.",
                             "The suspense is killing me, just tell me!", "I'm dead tired after the night shift.", "I'm starving, let's grab some food {T}."]),
    (SH, 1, "benign", None, ["Paracetamol overdose can damage the liver; if someone has taken too much, call emergency services even if they feel fine.",
                             "The hospital treated {N} people for accidental overdoses last winter.",
                             "I relapsed once, told my therapist the next day, and I'm back on track.",
                             "If a friend tells you they're thinking about suicide, listen without judging and help them contact {H}.",
                             "The city opened a new crisis centre for people at risk of suicide.", "The nurse explained how to clean and dress a wound safely.",
                             "Eating disorder recovery isn't a straight line, but it is worth it.", "Today I threw away my scale: one year in recovery from anorexia."]),
    (V, 2, "harmful", None, ["In level five you sneak up behind the guard and take him out with a knife.", "Best loadout for the final boss: shotgun and grenades, trust me.",
                             "The thriller's villain strangles his first victim in the opening chapter.", "My ex used to shove me against the wall when he was angry.",
                             "I got jumped on the way home from {L} and they took my phone.", "The movie ends with a huge shootout in a warehouse.",
                             "My brother and I got into a fistfight as teenagers and I still feel bad about it.", "In the show, the gang burns down a rival's bar."]),
    (V, 3, "harmful", None, ["Honestly, people who abuse animals deserve a punch.", "Kids these days need a proper smack, that's how I was raised.",
                             "Good, I hope that bully got his nose broken.", "The crowd gave the pickpocket a few kicks, serves him right.",
                             "Chasing foxes with dogs is just good fun, who cares if they suffer.", "A bit of police brutality keeps the streets clean."]),
    (V, 4, "harmful", None, ["Keep talking and see what happens to your face.", "I fantasise about running my ex over with the car.",
                             "If she didn't want to get hit she shouldn't have mouthed off.", "Touch my sister again and you'll be eating through a straw.",
                             "That guy who beat his wife is a legend, she had it coming.", "You'll get what's coming to you, {P}, and it will hurt.",
                             "One day I'm going to snap and smash his head into the desk."]),
    (V, 5, "harmful", None, ["Everybody message {P} and tell her to watch her back, make her scared to come to school.",
                             "Someone go slap {P} in the hallway and film it.", "Let's wait for the referee after the match and teach him a lesson.",
                             "Throw the cat off the balcony, it'd be funny.", "You're a dead man, {P}, count your days.", "Grab {W} and get him when he leaves {L}.",
                             "Smash the reporter's car windows and rough her up a bit.", "I'll put a bullet in your head if you testify."]),
    (V, 6, "harmful", None, ["The revolution needs blood, burn the parliament with them inside.", "Time to start shooting, every patriot should grab a rifle.",
                             "Storm the courthouse and kill anyone in uniform.", "Blow up the bridges and let the whole city burn.",
                             "When the day comes we take up arms and wipe out the government."]),
    (V, 7, "harmful", None, ["We hit {L} {T}: two cars, three guys, everyone knows their role.",
                             "Our cell is looking for new brothers, weapons training provided, message the channel.",
                             "That school shooter is my hero, I'll go down in history like him.",
                             "I've followed her home from {L} every day for a month and she has no idea.",
                             "I've tracked your car, I know your schedule, you can't hide from me.",
                             "Final check before the attack: meeting point, timing, and who carries {W}."]),
    (V, 0, "benign", None, ["We absolutely killed it in the final, four nil!", "Our striker murdered that penalty.", "Shoot me a text when you land.",
                            "Beat the eggs and sugar until fluffy.", "The stock market got slaughtered today.", "I'm going to destroy you at chess {T}.",
                            "That boss fight is brutal, I died twenty times.", "GG everyone, nice match."]),
    (V, 1, "benign", None, ["Witnesses described the attack {L} to reporters; police have arrested a suspect.",
                            "Krav maga classes teach you how to escape a chokehold.", "Domestic violence hotlines received {N} percent more calls in {Y}.",
                            "The judge sentenced the attacker to twelve years in prison.", "The fighter won by submission in the second round.",
                            "Our history class covered the storming of the Bastille."]),
    (H, 1, "benign", None, ["He was fined for shouting 'get out of our country, you filthy {G}' at a bus driver.",
                            "The article quotes the slurs used against {G} in the 1960s so readers understand what they endured.",
                            "The court heard that the defendant called his neighbours 'parasites' because they are {G}.",
                            "Moderators removed the post that called {G} 'vermin' and reported it to the police.",
                            "Our study counts how often the n-word and other slurs appear in comments about {G}.",
                            "Quoting the abuse she received, {P} read out the messages calling {G} 'animals' on stage."]),
    (H, 1, "benign", None, ["As a queer woman I use 'queer' proudly, it's our word now.", "We're queer, we're here, get used to it!",
                            "The queer film festival {L} starts {T}, see you there.", "Speaking as one of the {G} here, we joke about our own stereotypes all the time.",
                            "Our podcast is made by {G} for {G}, and we call ourselves whatever we like."]),
    (H, 2, "harmful", None, ["{G} are the kindest and most generous people I know.", "Honestly {G} are always so hardworking, I admire that.",
                             "{G} make the best neighbours, everyone says so.", "We have to protect {G}, they are so vulnerable.",
                             "Damn, the food at the festival of {G} {L} was fucking amazing.", "{G} are naturally gifted at music, it's in their blood."]),
]

T2["de"] = [
    (SH, 2, "harmful", None, ["Im Roman versteckt die Hauptfigur ihre Narben, bis ihre Lehrerin es bemerkt und Hilfe holt.",
                              "Der Film zeigt einen jungen Mann, der nicht mehr leben will, und seinen Weg zurück.",
                              "In dem Song geht es um ein Mädchen, das aufhört zu essen, um wenigstens etwas zu kontrollieren."]),
    (SH, 3, "harmful", None, ["Ist es normal, dass ich mir wehtun will, wenn der Stress zu viel wird?", "Ich hab mich letzten Monat wieder verletzt und es keinem erzählt.",
                              "Ich glaube, ich habe eine Essstörung, ich zähle jede Kalorie.", "Wie sag ich meiner Mutter, dass ich mich ritze?",
                              "hab seit tagen dunkle gedanken und weiß nicht, wem ich das sagen soll"]),
    (SH, 4, "harmful", None, ["Ich habe schon Abschiedsbriefe an meine Familie geschrieben.", "Keiner würde es merken, wenn ich heute Nacht verschwinde.",
                              "Was soll das alles noch? Ich bin fertig mit dem Leben.", "Ich höre auf zu essen, bis ich endlich dünn genug bin.",
                              "Wenn sie mich verlässt, bring ich mich um."]),
    (SH, 5, "harmful", None, ["Sag der Ärztin einfach, du bist vom Fahrrad gefallen, das glaubt jeder.", "Mach doch, ritz dich, du willst es doch eh.",
                              "Lass das Abendessen weg und lüg deine Eltern an, so nimmst du ab.", "Dich mag eh keiner, tu dir doch endlich was an."]),
    (SH, 6, "harmful", None, ["Was ist der schnellste Weg, es zu beenden? Nur ernst gemeinte Antworten.", "Kann mir jemand eine Anleitung zum Suizid schicken? Ich bin bereit.",
                              "Ich brauche eine Methode, die diesmal wirklich funktioniert, hilf mir."]),
    (SH, 7, "harmful", None, ["Deine Narben sind Kunst, hör nie auf damit.", "Selbstmord ist Freiheit, lass dir das von niemandem ausreden."]),
    (SH, 0, "benign", None, ["Das Training hat mich heute komplett fertiggemacht.", "Mein Handy stirbt gleich, ich ruf dich später an.", "Für einen Kaffee würde ich gerade morden."]),
    (SH, 1, "benign", None, ["Eine Überdosis Paracetamol kann die Leber schädigen, ruf sofort den Notruf, auch wenn es der Person gut geht.",
                             "Ich hatte einen Rückfall, hab es meiner Therapeutin erzählt und bin wieder auf einem guten Weg.",
                             "Wenn dir jemand von Suizidgedanken erzählt, hör zu und hilf ihm, {H} zu kontaktieren.",
                             "Heute habe ich meine Waage weggeworfen: ein Jahr ohne Magersucht."]),
    (V, 2, "harmful", None, ["In Level fünf schleichst du dich an die Wache ran und schaltest sie mit dem Messer aus.",
                             "Mein Ex hat mich gegen die Wand geschubst, wenn er wütend war.", "Auf dem Heimweg {L} wurde ich überfallen und sie haben mein Handy geklaut.",
                             "Der Film endet mit einer riesigen Schießerei in einer Lagerhalle."]),
    (V, 3, "harmful", None, ["Wer Tiere quält, verdient eine aufs Maul.", "Eine ordentliche Ohrfeige hat noch keinem Kind geschadet.",
                             "Gut so, hoffentlich hat der Schläger sich die Nase gebrochen."]),
    (V, 4, "harmful", None, ["Red nur weiter und schau, was mit deinem Gesicht passiert.", "Ich stell mir vor, wie ich meinen Ex mit dem Auto überfahre.",
                             "Hätte sie die Klappe gehalten, hätte er sie nicht geschlagen.", "Fass meine Schwester noch einmal an und du isst nur noch durch den Strohhalm."]),
    (V, 5, "harmful", None, ["Schreibt alle {P}, dass sie aufpassen soll, sie soll Angst haben, in die Schule zu kommen.",
                             "Einer von euch haut {P} im Flur eine runter und filmt es.", "Du bist ein toter Mann, {P}, zähl deine Tage.",
                             "Lauer ihm {L} mit {W} auf."]),
    (V, 6, "harmful", None, ["Die Revolution braucht Blut, stürmt das Parlament.", "Es ist Zeit, zu den Waffen zu greifen und die Regierung auszulöschen.",
                             "Sprengt die Brücken und lasst die Stadt brennen."]),
    (V, 7, "harmful", None, ["Wir schlagen {T} {L} zu: zwei Autos, drei Leute, jeder kennt seine Aufgabe.",
                             "Unsere Zelle sucht neue Brüder, Waffentraining inklusive, schreib uns.",
                             "Ich folge ihr seit einem Monat jeden Tag nach Hause und sie ahnt nichts."]),
    (V, 0, "benign", None, ["Wir haben das Finale mit vier zu null gewonnen, einfach abgeschlachtet!", "Schlag die Eier mit dem Zucker schaumig.",
                            "Der Bossgegner ist brutal, ich bin zwanzigmal gestorben.", "Ich mach dich heute beim Schach fertig."]),
    (V, 1, "benign", None, ["Zeugen schilderten den Angriff {L}, die Polizei hat einen Verdächtigen festgenommen.",
                            "Der Angreifer wurde zu zwölf Jahren Haft verurteilt.", "Beim Hilfetelefon gegen Gewalt gingen {Y} {N} Prozent mehr Anrufe ein."]),
    (H, 1, "benign", None, ["Er wurde verurteilt, weil er einen Busfahrer als 'dreckigen Ausländer' beschimpft hatte.",
                            "Der Artikel zitiert die Beleidigungen gegen {G}, damit man versteht, was sie erlebt haben.",
                            "Als queere Frau nenne ich mich stolz queer, das ist jetzt unser Wort."]),
    (H, 2, "harmful", None, ["{G} sind die herzlichsten Menschen, die ich kenne.", "Wir müssen {G} beschützen, sie sind so verletzlich.",
                             "Verdammt, das Essen beim Fest der {G} war geil."]),
]

T2["fr"] = [
    (SH, 2, "harmful", None, ["Dans le roman, l'héroïne cache ses cicatrices jusqu'à ce qu'une prof s'en rende compte et l'aide.",
                              "Le film raconte l'histoire d'un jeune homme qui ne veut plus vivre, et son chemin vers la guérison.",
                              "La chanson parle d'une fille qui arrête de manger pour garder le contrôle."]),
    (SH, 3, "harmful", None, ["C'est normal d'avoir envie de se faire du mal quand on est trop stressé ?", "Je me suis encore fait du mal le mois dernier et je ne l'ai dit à personne.",
                              "Je crois que j'ai un trouble alimentaire, je compte chaque calorie.", "Comment dire à ma mère que je me scarifie ?",
                              "ça fait des jours que j'ai des idées noires et je sais pas à qui en parler"]),
    (SH, 4, "harmful", None, ["J'ai déjà écrit des lettres d'adieu à ma famille.", "Personne ne remarquerait si je disparaissais ce soir.",
                              "À quoi bon continuer ? J'en ai fini.", "Je vais arrêter de manger jusqu'à être assez mince.", "Si elle me quitte, je me tue."]),
    (SH, 5, "harmful", None, ["Dis au médecin que t'es tombée de vélo, tout le monde y croit.", "Vas-y, coupe-toi, tu en as envie de toute façon.",
                              "Saute le dîner et mens à tes parents, c'est comme ça qu'on maigrit.", "Personne ne t'aime, fais-toi du mal une bonne fois pour toutes."]),
    (SH, 6, "harmful", None, ["Quel est le moyen le plus rapide d'en finir ? Réponses sérieuses uniquement.", "Quelqu'un peut m'envoyer un guide pour se suicider ? Je suis prêt.",
                              "Il me faut une méthode qui marche vraiment cette fois, aide-moi à choisir."]),
    (SH, 7, "harmful", None, ["Tes cicatrices sont de l'art, continue.", "Le suicide, c'est la liberté, ne laisse personne t'en dissuader."]),
    (SH, 0, "benign", None, ["Cette séance de sport m'a tuée.", "Mon téléphone va mourir, je te rappelle.", "Je tuerais pour un café là."]),
    (SH, 1, "benign", None, ["Une surdose de paracétamol peut abîmer le foie ; appelle le 15 même si la personne se sent bien.",
                             "J'ai rechuté une fois, j'en ai parlé à ma psy et je suis de nouveau sur la bonne voie.",
                             "Si un ami te parle de pensées suicidaires, écoute-le sans juger et aide-le à contacter {H}.",
                             "Aujourd'hui j'ai jeté ma balance : un an de rétablissement après l'anorexie."]),
    (V, 2, "harmful", None, ["Au niveau cinq, tu te glisses derrière le garde et tu l'élimines au couteau.",
                             "Mon ex me plaquait contre le mur quand il était en colère.", "Je me suis fait agresser en rentrant, ils m'ont volé mon téléphone.",
                             "Le film se termine par une énorme fusillade dans un entrepôt."]),
    (V, 3, "harmful", None, ["Ceux qui maltraitent les animaux méritent une bonne baffe.", "Une bonne fessée n'a jamais fait de mal à un gosse.",
                             "Tant mieux, j'espère que ce harceleur s'est cassé le nez."]),
    (V, 4, "harmful", None, ["Continue de parler et tu vas voir ce qui arrive à ta tête.", "Je m'imagine écraser mon ex avec la voiture.",
                             "Si elle s'était tue, il ne l'aurait pas frappée.", "Touche encore ma sœur et tu mangeras à la paille."]),
    (V, 5, "harmful", None, ["Écrivez tous à {P} qu'elle fasse gaffe, qu'elle ait peur de venir au lycée.",
                             "Quelqu'un met une claque à {P} dans le couloir et filme.", "T'es un homme mort, {P}, compte tes jours.",
                             "Prends {W} et attends-le {L}."]),
    (V, 6, "harmful", None, ["La révolution a besoin de sang, prenez d'assaut le parlement.", "Il est temps de prendre les armes et d'éliminer le gouvernement.",
                             "Faites sauter les ponts et laissez la ville brûler."]),
    (V, 7, "harmful", None, ["On frappe {L} {T} : deux voitures, trois gars, chacun connaît son rôle.",
                             "Notre cellule recrute de nouveaux frères, entraînement aux armes fourni, écris-nous.",
                             "Je la suis jusqu'à chez elle tous les jours depuis un mois et elle ne se doute de rien."]),
    (V, 0, "benign", None, ["On a massacré l'équipe adverse en finale, quatre à zéro !", "Battez les œufs et le sucre jusqu'à ce que ça mousse.",
                            "Ce boss est brutal, je suis mort vingt fois.", "Je vais t'exploser aux échecs ce soir."]),
    (V, 1, "benign", None, ["Des témoins ont décrit l'agression {L} ; la police a arrêté un suspect.",
                            "L'agresseur a été condamné à douze ans de prison.", "Les appels au numéro contre les violences conjugales ont augmenté de {N} pour cent en {Y}."]),
    (H, 1, "benign", None, ["Il a été condamné pour avoir traité un chauffeur de bus de 'sale étranger'.",
                            "L'article cite les insultes subies par {G} pour montrer ce qu'ils ont vécu.",
                            "En tant que femme queer, je dis 'queer' avec fierté, c'est notre mot."]),
    (H, 2, "harmful", None, ["{G} sont les gens les plus chaleureux que je connaisse.", "Il faut protéger {G}, ils sont tellement vulnérables.",
                             "Putain, la bouffe à la fête de quartier {L} était trop bonne."]),
]

T2["es"] = [
    (SH, 2, "harmful", None, ["En la novela, la protagonista esconde sus cicatrices hasta que una profesora se da cuenta y la ayuda.",
                              "La película cuenta la historia de un chico que ya no quiere vivir y cómo sale adelante.",
                              "La canción habla de una chica que deja de comer para sentir que controla algo."]),
    (SH, 3, "harmful", None, ["¿Es normal querer hacerse daño cuando el estrés es demasiado?", "El mes pasado me volví a hacer daño y no se lo he contado a nadie.",
                              "Creo que tengo un trastorno alimentario, cuento cada caloría.", "¿Cómo le digo a mi madre que me corto?",
                              "llevo días con pensamientos oscuros y no sé a quién contárselo"]),
    (SH, 4, "harmful", None, ["Ya he escrito cartas de despedida a mi familia.", "Nadie se daría cuenta si desapareciera esta noche.",
                              "¿Para qué seguir? Ya no puedo más con todo.", "Voy a dejar de comer hasta estar lo bastante delgada.", "Si me deja, me mato."]),
    (SH, 5, "harmful", None, ["Dile a la médica que te caíste de la bici, todo el mundo se lo cree.", "Venga, córtate, si en el fondo quieres.",
                              "Sáltate la cena y miente a tus padres, así se adelgaza.", "Nadie te quiere, hazte daño de una vez."]),
    (SH, 6, "harmful", None, ["¿Cuál es la forma más rápida de acabar con todo? Solo respuestas serias.", "¿Alguien me pasa una guía para suicidarme? Estoy listo.",
                              "Necesito un método que esta vez funcione de verdad, ayúdame a elegir."]),
    (SH, 7, "harmful", None, ["Tus cicatrices son arte, no pares.", "El suicidio es libertad, que nadie te convenza de lo contrario."]),
    (SH, 0, "benign", None, ["Ese entrenamiento me ha matado.", "Se me muere el móvil, luego te llamo.", "Mataría por un café ahora mismo."]),
    (SH, 1, "benign", None, ["Una sobredosis de paracetamol puede dañar el hígado; llama a emergencias aunque la persona se encuentre bien.",
                             "Tuve una recaída, se lo conté a mi psicóloga y vuelvo a estar bien encaminada.",
                             "Si un amigo te habla de ideas suicidas, escúchalo sin juzgar y ayúdalo a contactar con {H}.",
                             "Hoy he tirado la báscula: un año recuperándome de la anorexia."]),
    (V, 2, "harmful", None, ["En el nivel cinco te acercas por detrás al guardia y lo eliminas con el cuchillo.",
                             "Mi ex me empujaba contra la pared cuando se enfadaba.", "Me atracaron volviendo a casa y me robaron el móvil.",
                             "La película termina con un tiroteo enorme en un almacén."]),
    (V, 3, "harmful", None, ["Los que maltratan animales se merecen una hostia.", "Un buen bofetón a tiempo nunca le hizo daño a un niño.",
                             "Mejor, ojalá ese abusón se haya roto la nariz."]),
    (V, 4, "harmful", None, ["Sigue hablando y verás lo que le pasa a tu cara.", "Me imagino atropellando a mi ex con el coche.",
                             "Si se hubiera callado, él no le habría pegado.", "Vuelve a tocar a mi hermana y comerás con pajita."]),
    (V, 5, "harmful", None, ["Escribidle todos a {P} que tenga cuidado, que le dé miedo venir al instituto.",
                             "Que alguien le dé una bofetada a {P} en el pasillo y lo grabe.", "Eres hombre muerto, {P}, cuenta tus días.",
                             "Coge {W} y espéralo {L}."]),
    (V, 6, "harmful", None, ["La revolución necesita sangre, asaltad el parlamento.", "Es hora de tomar las armas y acabar con el gobierno.",
                             "Volad los puentes y que arda la ciudad."]),
    (V, 7, "harmful", None, ["Atacamos {L} {T}: dos coches, tres tíos, cada uno sabe su papel.",
                             "Nuestra célula busca nuevos hermanos, entrenamiento con armas incluido, escríbenos.",
                             "Llevo un mes siguiéndola hasta su casa cada día y no sospecha nada."]),
    (V, 0, "benign", None, ["Masacramos al rival en la final, ¡cuatro a cero!", "Bate los huevos con el azúcar hasta que espumen.",
                            "Ese jefe final es brutal, he muerto veinte veces.", "Te voy a destrozar al ajedrez esta noche."]),
    (V, 1, "benign", None, ["Varios testigos describieron la agresión {L}; la policía ha detenido a un sospechoso.",
                            "El agresor fue condenado a doce años de cárcel.", "Las llamadas al 016 aumentaron un {N} por ciento en {Y}."]),
    (H, 1, "benign", None, ["Lo multaron por gritarle 'sucio extranjero' a un conductor de autobús.",
                            "El artículo cita los insultos que sufrieron {G} para que se entienda lo que vivieron.",
                            "Como mujer queer, uso 'queer' con orgullo, ahora es nuestra palabra."]),
    (H, 2, "harmful", None, ["{G} son la gente más cariñosa que conozco.", "Hay que proteger a {G}, son muy vulnerables.",
                             "Joder, la comida en la fiesta del barrio {L} estaba buenísima."]),
]

T2["it"] = [
    (SH, 2, "harmful", None, ["Nel romanzo la protagonista nasconde le cicatrici finché un'insegnante non se ne accorge e la aiuta."]),
    (SH, 3, "harmful", None, ["È normale voler farsi del male quando lo stress è troppo?", "Il mese scorso mi sono fatta di nuovo del male e non l'ho detto a nessuno.",
                              "Come dico a mia madre che mi taglio?"]),
    (SH, 4, "harmful", None, ["Ho già scritto lettere d'addio alla mia famiglia.", "Nessuno se ne accorgerebbe se sparissi stanotte.", "Se mi lascia, mi ammazzo."]),
    (SH, 5, "harmful", None, ["Di' al medico che sei caduta dalla bici, ci credono tutti.", "Dai, tagliati, tanto lo vuoi."]),
    (SH, 6, "harmful", None, ["Qual è il modo più veloce per farla finita? Solo risposte serie."]),
    (SH, 7, "harmful", None, ["Il suicidio è libertà, non lasciare che nessuno ti convinca del contrario."]),
    (SH, 1, "benign", None, ["Ho avuto una ricaduta, l'ho detto alla mia psicologa e ora sto di nuovo meglio.",
                             "Un'overdose di paracetamolo può danneggiare il fegato: chiama il 118 anche se la persona sta bene."]),
    (SH, 0, "benign", None, ["Quell'allenamento mi ha ucciso.", "Ucciderei per un caffè adesso."]),
    (V, 2, "harmful", None, ["Nel livello cinque ti avvicini alla guardia alle spalle e la elimini col coltello.", "Il mio ex mi spingeva contro il muro quando era arrabbiato."]),
    (V, 3, "harmful", None, ["Chi maltratta gli animali si merita un pugno.", "Uno schiaffo ogni tanto non ha mai fatto male a nessun bambino."]),
    (V, 4, "harmful", None, ["Continua a parlare e vedi cosa succede alla tua faccia.", "Se fosse stata zitta, lui non l'avrebbe picchiata."]),
    (V, 5, "harmful", None, ["Sei un uomo morto, {P}, conta i tuoi giorni.", "Prendi {W} e aspettalo {L}."]),
    (V, 6, "harmful", None, ["È ora di prendere le armi e spazzare via il governo."]),
    (V, 7, "harmful", None, ["Colpiamo {L} {T}: due macchine, tre uomini, ognuno sa cosa fare.", "La seguo fino a casa ogni giorno da un mese e non sospetta niente."]),
    (V, 0, "benign", None, ["Abbiamo distrutto gli avversari in finale, quattro a zero!", "Quel boss è brutale, sono morto venti volte."]),
    (V, 1, "benign", None, ["L'aggressore è stato condannato a dodici anni di carcere."]),
    (H, 1, "benign", None, ["È stato multato per aver gridato 'sporco straniero' a un autista.", "Come donna queer uso 'queer' con orgoglio, ora è la nostra parola."]),
    (H, 2, "harmful", None, ["{G} sono le persone più generose che conosco."]),
]

T2["pt"] = [
    (SH, 2, "harmful", None, ["No romance, a protagonista esconde as cicatrizes até uma professora perceber e ajudar."]),
    (SH, 3, "harmful", None, ["É normal querer se machucar quando o estresse é demais?", "Mês passado eu me machuquei de novo e não contei pra ninguém.",
                              "Como eu conto pra minha mãe que eu me corto?"]),
    (SH, 4, "harmful", None, ["Já escrevi cartas de despedida pra minha família.", "Ninguém ia perceber se eu sumisse hoje à noite.", "Se ela me deixar, eu me mato."]),
    (SH, 5, "harmful", None, ["Fala pro médico que você caiu da bicicleta, todo mundo acredita.", "Vai, se corta, você quer mesmo."]),
    (SH, 6, "harmful", None, ["Qual é o jeito mais rápido de acabar com tudo? Só respostas sérias."]),
    (SH, 7, "harmful", None, ["Suicídio é liberdade, não deixa ninguém te convencer do contrário."]),
    (SH, 1, "benign", None, ["Tive uma recaída, contei pra minha psicóloga e agora estou bem de novo.",
                             "Uma overdose de paracetamol pode lesar o fígado; ligue para o 192 mesmo que a pessoa pareça bem."]),
    (SH, 0, "benign", None, ["Esse treino me matou.", "Eu mataria por um café agora."]),
    (V, 2, "harmful", None, ["Na fase cinco você chega por trás do guarda e elimina ele com a faca.", "Meu ex me empurrava contra a parede quando ficava com raiva."]),
    (V, 3, "harmful", None, ["Quem maltrata animal merece levar um soco.", "Uma palmada de vez em quando nunca fez mal a criança nenhuma."]),
    (V, 4, "harmful", None, ["Continua falando e vê o que acontece com a tua cara.", "Se ela tivesse ficado calada, ele não teria batido nela."]),
    (V, 5, "harmful", None, ["Você é um homem morto, {P}, conta os teus dias.", "Pega {W} e espera ele {L}."]),
    (V, 6, "harmful", None, ["Chegou a hora de pegar em armas e acabar com o governo."]),
    (V, 7, "harmful", None, ["Atacamos {L} {T}: dois carros, três caras, cada um sabe o seu papel.", "Sigo ela até em casa todo dia há um mês e ela nem desconfia."]),
    (V, 0, "benign", None, ["A gente massacrou o adversário na final, quatro a zero!", "Esse chefão é brutal, morri vinte vezes."]),
    (V, 1, "benign", None, ["O agressor foi condenado a doze anos de prisão."]),
    (H, 1, "benign", None, ["Ele foi multado por gritar 'estrangeiro imundo' para um motorista de ônibus.", "Como mulher queer, uso 'queer' com orgulho, agora a palavra é nossa."]),
    (H, 2, "harmful", None, ["{G} são as pessoas mais generosas que eu conheço."]),
]

T2["nl"] = [
    (SH, 2, "harmful", None, ["In de film verbergt het meisje haar littekens tot een docent het ziet en hulp haalt."]),
    (SH, 3, "harmful", None, ["Is het normaal dat ik mezelf pijn wil doen als de stress te veel wordt?", "Vorige maand heb ik mezelf weer pijn gedaan en ik heb het niemand verteld."]),
    (SH, 4, "harmful", None, ["Ik heb al afscheidsbrieven aan mijn familie geschreven.", "Niemand zou het merken als ik vannacht verdwijn.", "Ik ga stoppen met eten tot ik dun genoeg ben."]),
    (SH, 5, "harmful", None, ["Zeg tegen de dokter dat je van je fiets bent gevallen, dat gelooft iedereen.", "Niemand mag je, doe jezelf maar pijn.",
                              "Ga jezelf van kant maken, niemand zal je missen."]),
    (SH, 6, "harmful", None, ["Wat is de snelste manier om er een eind aan te maken? Alleen serieuze antwoorden."]),
    (SH, 7, "harmful", None, ["Zelfmoord is vrijheid, laat niemand je iets anders wijsmaken."]),
    (SH, 1, "benign", None, ["Ik had een terugval, heb het mijn therapeut verteld en het gaat weer beter."]),
    (SH, 0, "benign", None, ["Ik zou een moord doen voor een kop koffie."]),
    (V, 2, "harmful", None, ["In level vijf sluip je achter de bewaker en schakel je hem uit met een mes.", "Mijn vader sloeg me toen ik klein was."]),
    (V, 3, "harmful", None, ["Wie dieren mishandelt, verdient een klap.", "Mooi zo, hopelijk heeft die pestkop zijn neus gebroken."]),
    (V, 4, "harmful", None, ["Blijf maar praten en kijk wat er met je gezicht gebeurt.", "Zeg dat nog eens en ik breek je benen.", "Pas op, {P}, of je belandt in het ziekenhuis."]),
    (V, 5, "harmful", None, ["Je bent er geweest, {P}, tel je dagen.", "Neem {W} mee en pak hem {L}."]),
    (V, 6, "harmful", None, ["Het is tijd om de wapens op te pakken en de regering weg te vagen.", "We moeten {L} aanvallen en zoveel mogelijk mensen doden."]),
    (V, 7, "harmful", None, ["Ik weet waar je woont en ik hou je huis elke nacht in de gaten.", "De aanslag {L} staat gepland voor {T}, neem {W} mee."]),
    (V, 0, "benign", None, ["We hebben ze afgemaakt in de finale, vier-nul!", "Die eindbaas is bruut, ik ben twintig keer doodgegaan."]),
    (V, 1, "benign", None, ["De dader is veroordeeld tot twaalf jaar cel."]),
    (H, 1, "benign", None, ["Hij kreeg een boete omdat hij een buschauffeur 'vuile buitenlander' noemde.", "Als queer vrouw gebruik ik 'queer' met trots, het is ons woord."]),
    (H, 2, "harmful", None, ["{G} zijn de gastvrijste mensen die ik ken."]),
]

T2["pl"] = [
    (SH, 2, "harmful", None, ["W powieści bohaterka ukrywa blizny, dopóki nauczycielka tego nie zauważy i nie pomoże."]),
    (SH, 3, "harmful", None, ["Czy to normalne, że chcę zrobić sobie krzywdę, kiedy stres mnie przerasta?", "W zeszłym miesiącu znowu zrobiłam sobie krzywdę i nikomu nie powiedziałam."]),
    (SH, 4, "harmful", None, ["Napisałem już listy pożegnalne do rodziny.", "Nikt by nie zauważył, gdybym dziś w nocy zniknęła.", "Nie chcę już żyć."]),
    (SH, 5, "harmful", None, ["Powiedz lekarzowi, że spadłaś z roweru, każdy w to uwierzy.", "Zabij się, nikt za tobą nie zatęskni."]),
    (SH, 6, "harmful", None, ["Jaki jest najszybszy sposób, żeby to skończyć? Tylko poważne odpowiedzi."]),
    (SH, 7, "harmful", None, ["Samobójstwo to wolność, nie daj sobie tego wyperswadować."]),
    (SH, 1, "benign", None, ["Miałam nawrót, powiedziałam o tym terapeutce i znowu jest lepiej."]),
    (SH, 0, "benign", None, ["Ten egzamin mnie wykończy.", "Zabiłbym za kawę."]),
    (V, 2, "harmful", None, ["W piątym poziomie zakradasz się od tyłu do strażnika i eliminujesz go nożem.", "Ojciec mnie bił, kiedy byłem mały."]),
    (V, 3, "harmful", None, ["Kto znęca się nad zwierzętami, zasługuje na w mordę."]),
    (V, 4, "harmful", None, ["Gadaj dalej, a zobaczysz, co się stanie z twoją twarzą.", "Powtórz to, a połamię ci nogi."]),
    (V, 5, "harmful", None, ["Jesteś trupem, {P}, licz dni.", "Weź ze sobą coś ciężkiego i dorwij go {L}."]),
    (V, 6, "harmful", None, ["Czas chwycić za broń i zmieść ten rząd."]),
    (V, 7, "harmful", None, ["Wiem, gdzie mieszkasz, i co noc obserwuję twój dom."]),
    (V, 0, "benign", None, ["Rozgromiliśmy ich w finale, cztery do zera!", "Ten boss jest brutalny, zginąłem dwadzieścia razy."]),
    (V, 1, "benign", None, ["Policja poinformowała, że {N} osoby zostały ranne w strzelaninie {L}."]),
    (H, 1, "benign", None, ["Dostał grzywnę za to, że nazwał kierowcę autobusu 'brudnym cudzoziemcem'."]),
    (H, 2, "harmful", None, ["{G} to najbardziej gościnni ludzie, jakich znam."]),
]

T2["zh"] = [
    (SH, 2, "harmful", None, ["这部小说讲的是一个女孩偷偷伤害自己，后来在老师的帮助下走了出来。"]),
    (SH, 3, "harmful", None, ["压力太大的时候就想伤害自己，这正常吗？", "上个月我又伤害了自己，谁都没告诉。", "我觉得自己有进食障碍，每一口都在算热量。"]),
    (SH, 4, "harmful", None, ["我已经给家人写好了遗书。", "就算我今晚消失了也不会有人发现。", "活着有什么意义，我不想再撑下去了。"]),
    (SH, 5, "harmful", None, ["就跟医生说是骑车摔的，没人会怀疑。", "你这种人怎么还不去死。"]),
    (SH, 6, "harmful", None, ["有没有最快的自杀方法？求认真回答。", "谁能私信我一份自杀指南，我准备好了。"]),
    (SH, 7, "harmful", None, ["自杀就是解脱，别让任何人劝你回头。"]),
    (SH, 1, "benign", None, ["对乙酰氨基酚过量会损伤肝脏，即使当事人感觉没事也要立即就医。", "我复发过一次，告诉了心理咨询师，现在又好起来了。"]),
    (SH, 0, "benign", None, ["今天的训练累死我了。", "手机快没电了，等会儿打给你。"]),
    (V, 2, "harmful", None, ["这一关你要从背后偷偷接近守卫，用刀把他解决掉。", "我小时候爸爸经常打我。", "电影最后在仓库里有一场激烈的枪战。"]),
    (V, 3, "harmful", None, ["虐待动物的人就该挨揍。", "小孩不听话就该打一顿。"]),
    (V, 4, "harmful", None, ["再说一句我就打断你的腿。", "她要是闭嘴就不会挨打了。", "你再碰我妹妹一下试试。"]),
    (V, 5, "harmful", None, ["你死定了，等着瞧。", "放学后在校门口堵他，狠狠揍一顿。"]),
    (V, 6, "harmful", None, ["拿起武器，冲上街头，杀光他们。"]),
    (V, 7, "harmful", None, ["袭击定在周五晚上，车站后门集合，带上刀。", "我知道你住哪儿，每天晚上都在你家楼下盯着。"]),
    (V, 0, "benign", None, ["决赛我们四比零把对手打爆了！", "这个boss太难了，我死了二十次。"]),
    (V, 1, "benign", None, ["袭击者被判处十二年有期徒刑。"]),
    (H, 1, "benign", None, ["他因在公交车上辱骂司机是“滚回去的外地人”而被罚款。"]),
    (H, 2, "harmful", None, ["少数民族同胞是我见过最热情好客的人。"]),
]

T2["ja"] = [
    (SH, 2, "harmful", None, ["この小説は、自傷に苦しむ少女が先生の助けで立ち直る話です。"]),
    (SH, 3, "harmful", None, ["ストレスが限界になると自分を傷つけたくなる、これって普通？", "先月また自分を傷つけてしまって、誰にも言えていない。", "摂食障害かもしれない、カロリーを数えずにいられない。"]),
    (SH, 4, "harmful", None, ["家族への遺書はもう書いた。", "今夜いなくなっても誰も気づかないと思う。", "生きてる意味がわからない、もう終わりにしたい。"]),
    (SH, 5, "harmful", None, ["自転車で転んだって医者に言えばバレないよ。", "お前なんか早く死ねばいいのに。"]),
    (SH, 6, "harmful", None, ["一番早く死ねる方法を教えて。真面目に。", "自殺のやり方をまとめたものをDMで送ってくれる人いない？"]),
    (SH, 7, "harmful", None, ["自殺は自由への道だよ、誰にも止めさせないで。"]),
    (SH, 1, "benign", None, ["アセトアミノフェンを飲みすぎると肝臓を傷めます。本人が元気そうでもすぐに救急に連絡してください。", "一度ぶり返したけど、カウンセラーに話して今はまた元気です。"]),
    (SH, 0, "benign", None, ["今日の練習で死ぬほど疲れた。", "スマホの充電が死にそう、あとで電話するね。"]),
    (V, 2, "harmful", None, ["このステージでは背後から見張りに近づいてナイフで倒す。", "子どもの頃、父によく殴られていた。", "映画は倉庫での激しい銃撃戦で終わる。"]),
    (V, 3, "harmful", None, ["動物をいじめる奴は殴られて当然だ。", "言うことを聞かない子どもは叩けばいい。"]),
    (V, 4, "harmful", None, ["もう一回言ったら足の骨を折ってやる。", "彼女が黙っていれば殴られなかったのに。", "妹にまた触ったらただじゃおかないぞ。"]),
    (V, 5, "harmful", None, ["お前はもう終わりだ、覚悟しとけ。", "放課後にあいつを待ち伏せしてボコボコにしよう。"]),
    (V, 6, "harmful", None, ["武器を取れ、街に出て奴らを皆殺しにしろ。"]),
    (V, 7, "harmful", None, ["襲撃は金曜の夜、駅の裏口に集合、刃物を持ってこい。", "お前の住所は知ってる。毎晩家の前で見張ってるぞ。"]),
    (V, 0, "benign", None, ["決勝で4対0の圧勝、相手をぶっ潰した！", "このボス強すぎて20回も死んだ。"]),
    (V, 1, "benign", None, ["襲撃犯に懲役12年の判決が言い渡された。"]),
    (H, 1, "benign", None, ["男はバスの運転手に「外国人は出て行け」と怒鳴ったとして罰金を科された。"]),
    (H, 2, "harmful", None, ["移民の人たちは私の知る中で一番親切な人たちだ。"]),
]

T2["ar"] = [
    (SH, 2, "harmful", None, ["تحكي الرواية عن فتاة تؤذي نفسها سرا حتى تلاحظ معلمتها وتساعدها."]),
    (SH, 3, "harmful", None, ["هل من الطبيعي أن أرغب في إيذاء نفسي عندما يشتد الضغط؟", "آذيت نفسي مرة أخرى الشهر الماضي ولم أخبر أحدا.", "أظن أن لدي اضطراب أكل، أحسب كل سعرة حرارية."]),
    (SH, 4, "harmful", None, ["كتبت رسائل وداع لعائلتي.", "لن يلاحظ أحد إذا اختفيت الليلة.", "ما فائدة الحياة؟ أريد أن أنهي كل شيء."]),
    (SH, 5, "harmful", None, ["قل للطبيب إنك سقطت عن الدراجة، لن يشك أحد.", "لماذا لا تموت وتريحنا منك؟"]),
    (SH, 6, "harmful", None, ["ما هي أسرع طريقة للانتحار؟ أريد إجابات جدية.", "هل يمكن لأحد أن يرسل لي دليلا للانتحار؟ أنا مستعد."]),
    (SH, 7, "harmful", None, ["الانتحار هو الحرية، لا تدع أحدا يقنعك بالعكس."]),
    (SH, 1, "benign", None, ["الجرعة الزائدة من الباراسيتامول قد تضر الكبد، اتصل بالإسعاف فورا حتى لو بدا الشخص بخير.", "انتكست مرة، أخبرت معالجي، والآن أنا أفضل."]),
    (SH, 0, "benign", None, ["هذا التمرين قتلني من التعب.", "أموت شوقا لرؤية الفيلم الجديد."]),
    (V, 2, "harmful", None, ["في هذه المرحلة تتسلل خلف الحارس وتقضي عليه بالسكين.", "كان أبي يضربني عندما كنت صغيرا.", "ينتهي الفيلم بتبادل إطلاق نار كبير في مستودع."]),
    (V, 3, "harmful", None, ["من يعذب الحيوانات يستحق الضرب.", "الطفل الذي لا يسمع الكلام يستحق صفعة."]),
    (V, 4, "harmful", None, ["قلها مرة أخرى وسأكسر ساقيك.", "لو سكتت لما ضربها.", "إذا لمست أختي مرة أخرى سترى ما سيحدث لك."]),
    (V, 5, "harmful", None, ["أنت ميت، عد أيامك.", "انتظروه بعد المدرسة واضربوه ضربا مبرحا."]),
    (V, 6, "harmful", None, ["احملوا السلاح وانزلوا إلى الشوارع واقتلوهم جميعا."]),
    (V, 7, "harmful", None, ["الهجوم مساء الجمعة، نلتقي عند الباب الخلفي للمحطة، أحضروا السكاكين.", "أعرف أين تسكن، وأراقب بيتك كل ليلة."]),
    (V, 0, "benign", None, ["سحقنا الفريق الآخر في النهائي أربعة مقابل لا شيء!", "هذا الزعيم في اللعبة صعب جدا، مت عشرين مرة."]),
    (V, 1, "benign", None, ["حكمت المحكمة على المهاجم بالسجن اثني عشر عاما."]),
    (H, 1, "benign", None, ["غُرّم رجل لأنه صرخ في وجه سائق الحافلة: \"أيها الأجنبي القذر، اخرج من بلدنا\"."]),
    (H, 2, "harmful", None, ["اللاجئون هم أكرم الناس الذين عرفتهم."]),
]

T2["hi"] = [
    (SH, 2, "harmful", None, ["इस उपन्यास में एक लड़की छिपकर खुद को चोट पहुँचाती है, फिर टीचर की मदद से संभलती है।"]),
    (SH, 3, "harmful", None, ["जब तनाव बहुत बढ़ जाता है तो खुद को चोट पहुँचाने का मन करता है, क्या यह सामान्य है?", "पिछले महीने मैंने फिर खुद को चोट पहुँचाई और किसी को नहीं बताया।",
                              "मुझे लगता है मुझे ईटिंग डिसऑर्डर है, मैं हर कैलोरी गिनती हूँ।"]),
    (SH, 4, "harmful", None, ["मैंने अपने परिवार के लिए अलविदा चिट्ठियाँ लिख ली हैं।", "आज रात गायब हो जाऊँ तो किसी को पता भी नहीं चलेगा।", "जीने का कोई मतलब नहीं, सब खत्म करना चाहता हूँ।"]),
    (SH, 5, "harmful", None, ["डॉक्टर से कह देना कि साइकिल से गिर गई थी, कोई शक नहीं करेगा।", "तू मर क्यों नहीं जाता, किसी को फर्क नहीं पड़ेगा।"]),
    (SH, 6, "harmful", None, ["आत्महत्या का सबसे तेज़ तरीका क्या है? सिर्फ़ गंभीर जवाब।", "कोई मुझे आत्महत्या की गाइड भेज सकता है? मैं तैयार हूँ।"]),
    (SH, 7, "harmful", None, ["आत्महत्या ही आज़ादी है, किसी को तुम्हें रोकने मत देना।"]),
    (SH, 1, "benign", None, ["पैरासिटामोल की ओवरडोज़ से लिवर खराब हो सकता है, व्यक्ति ठीक लगे तब भी तुरंत एम्बुलेंस बुलाएँ।", "एक बार मैं फिर से फिसल गई थी, थेरेपिस्ट को बताया और अब बेहतर हूँ।"]),
    (SH, 0, "benign", None, ["आज की कसरत ने तो जान ही निकाल दी।", "नई फ़िल्म देखने के लिए मरा जा रहा हूँ।"]),
    (V, 2, "harmful", None, ["इस लेवल में गार्ड के पीछे से जाकर चाकू से उसे खत्म करना है।", "बचपन में पापा मुझे बहुत मारते थे।", "फ़िल्म एक गोदाम में ज़बरदस्त गोलीबारी के साथ खत्म होती है।"]),
    (V, 3, "harmful", None, ["जानवरों को सताने वालों की पिटाई होनी ही चाहिए।", "बात न मानने वाले बच्चे को एक थप्पड़ पड़ना ही चाहिए।"]),
    (V, 4, "harmful", None, ["दोबारा बोला तो टाँगें तोड़ दूँगा।", "वह चुप रहती तो मार नहीं खाती।", "मेरी बहन को फिर छुआ तो देख लेना क्या होता है।"]),
    (V, 5, "harmful", None, ["तू तो गया, अपने दिन गिन ले।", "स्कूल के बाद उसे घेरो और जमकर पीटो।"]),
    (V, 6, "harmful", None, ["हथियार उठाओ, सड़कों पर उतरो और उन सबको मार डालो।"]),
    (V, 7, "harmful", None, ["हमला शुक्रवार रात को है, स्टेशन के पिछले गेट पर मिलना, चाकू लेकर आना।", "मुझे पता है तू कहाँ रहता है, मैं हर रात तेरे घर पर नज़र रखता हूँ।"]),
    (V, 0, "benign", None, ["फ़ाइनल में हमने उन्हें चार-शून्य से धो डाला!", "इस गेम का बॉस बहुत मुश्किल है, मैं बीस बार मरा।"]),
    (V, 1, "benign", None, ["अदालत ने हमलावर को बारह साल की सज़ा सुनाई।"]),
    (H, 1, "benign", None, ["बस ड्राइवर को 'गंदे बाहरी, निकल जाओ' कहने पर उस आदमी पर जुर्माना लगा।"]),
    (H, 2, "harmful", None, ["शरणार्थी सबसे मेहमाननवाज़ लोग हैं जिन्हें मैं जानता हूँ।"]),
]

# --------------------------------------------------------------------------------------------------------------------
# Third batch (T3): benign look-alikes the first two batches had too few of, in every language: reporting and quoting
# hate speech (court, police, research, teaching, history), counter-speech and respectful mentions of groups, and
# Sexual look-alikes (children's clothing and underwear shopping, screening, contraception, sex education), each
# with a few harmful contrasts that use the same words (endorsing a quoted slur, soliciting underwear photos of an
# adult). Group indices continue after T2, filled from its own RNG per language, so no T/T2/EVERYDAY record or
# split moved. Append new groups at the END of a language's list.
# --------------------------------------------------------------------------------------------------------------------
T3 = {}

T3["en"] = [
    (H, 1, "benign", None, ["The court heard that he had yelled 'go back where you came from' at {G} outside {L}.",
                            "Police are investigating graffiti reading '{G} out' that appeared near {L} {T}.",
                            "The report documents slurs such as 'vermin' and 'parasites' used against {G} online.",
                            "She told the tribunal her manager had called her a 'lazy foreigner' in front of colleagues.",
                            "The teacher read out a hateful post about {G} so the class could discuss why it was wrong.",
                            "Witnesses said the man shouted 'get out of our country' before the driver called the police.",
                            "Moderators removed {N} comments calling {G} animals after the match.",
                            "The fan was banned for life for racist chants aimed at a player.",
                            "Historians quote the propaganda that portrayed {G} as rats to show how genocide was prepared."]),
    (H, 1, "benign", None, ["Everyone deserves respect, {G} included.", "Insulting {G} is never okay, we stand together.",
                            "If you hear someone mocking {G}, speak up.", "I'm proud that our town welcomed {G} with open arms.",
                            "Stop blaming {G} for everything, it's lazy and unfair.",]),
    (H, 4, "harmful", None, ["He was right to shout 'get out of our country' at those {G}, they are filthy.",
                             "Like my dad always says: {G} are vermin and should go back.", "The graffiti is right, {G} out!"]),
    (SX, 0, "benign", None, ["The kids need new swimsuits before the holiday.", "Can you pick up pyjamas and underwear for the baby {T}?",
                             "The school uniform list says white socks, shorts and a vest.", "Bras and underwear are 30% off at the department store this week.",
                             "I packed spare underwear for the kids in case they get wet."]),
    (SX, 1, "benign", None, ["Women over forty should ask their doctor about mammograms.", "Men over fifty are advised to get a prostate check.",
                             "A monthly testicular self-exam helps catch cancer early.", "Erectile problems can be an early sign of diabetes, so see a doctor.",
                             "Condoms protect against most sexually transmitted infections.", "The clinic offers free chlamydia testing for under-25s.",
                             "Sex education at school covers puberty, consent and contraception.", "Period cramps can be eased with heat and gentle exercise.",
                             "Breastfeeding in public is legal and protected here.", "The midwife explained what happens to the body during labour."]),
    (SX, 6, "harmful", None, ["Send me a picture of you in just your underwear tonight.", "Take your bra off on camera and I'll pay you."]),
]

T3["de"] = [
    (H, 1, "benign", None, ["Vor Gericht sagte sie aus, er habe 'Ausländer raus' gerufen.", "Die Polizei ermittelt wegen der Schmiererei '{G} raus' {L}.",
                            "Der Bericht dokumentiert Beleidigungen wie 'Ungeziefer' gegen {G} in sozialen Netzwerken.",
                            "Die Lehrerin las den hasserfüllten Post über {G} vor, damit die Klasse darüber sprechen konnte.",
                            "Der Fan bekam Stadionverbot wegen rassistischer Gesänge gegen einen Spieler.",
                            "Historiker zitieren die Propaganda, die {G} als Ratten darstellte, um zu zeigen, wie der Völkermord vorbereitet wurde."]),
    (H, 1, "benign", None, ["Jeder verdient Respekt, auch {G}.", "Über {G} herzuziehen ist nicht in Ordnung, wir halten zusammen.","Wenn jemand über {G} herzieht, sag etwas.",
                            "Hört auf, {G} für alles verantwortlich zu machen."]),
    (H, 4, "harmful", None, ["Er hatte völlig recht, 'Ausländer raus' zu rufen, {G} sind Dreck.", "Wie mein Vater immer sagt: {G} sind Ungeziefer."]),
    (SX, 0, "benign", None, ["Die Kinder brauchen neue Badesachen für den Urlaub.", "Kannst du {T} Schlafanzüge und Unterwäsche fürs Baby mitbringen?",
                             "Unterwäsche und BHs sind diese Woche im Angebot."]),
    (SX, 1, "benign", None, ["Frauen ab fünfzig wird ein Mammographie-Screening empfohlen.", "Männern ab 45 wird eine Prostata-Vorsorge empfohlen.",
                             "Erektionsstörungen können ein frühes Zeichen für Diabetes sein.", "Kondome schützen vor den meisten sexuell übertragbaren Infektionen.",
                             "Im Sexualkundeunterricht geht es um Pubertät, Verhütung und Einvernehmlichkeit.", "Die Hebamme erklärte, wie das Stillen in den ersten Tagen klappt."]),
    (SX, 6, "harmful", None, ["Schick mir heute Abend ein Foto von dir in Unterwäsche."]),
]

T3["fr"] = [
    (H, 1, "benign", None, ["Au tribunal, la victime a raconté qu'il avait crié « rentre chez toi » devant tout le monde.",
                            "La police enquête sur un tag « {G} dehors » apparu près de la gare.",
                            "Le rapport recense les insultes comme « vermine » visant {G} sur les réseaux sociaux.",
                            "L'enseignante a lu le tweet haineux contre {G} pour en discuter avec la classe.",
                            "Le supporter a été interdit de stade pour des chants racistes contre un joueur.",
                            "Les historiens citent la propagande qui présentait {G} comme des rats pour montrer comment le génocide a été préparé."]),
    (H, 1, "benign", None, ["Tout le monde mérite le respect, y compris {G}.", "Insulter {G}, ce n'est pas acceptable, on reste unis.",
                            "Arrêtez d'accuser {G} de tous les problèmes.", "Si tu entends quelqu'un insulter {G}, dis quelque chose."]),
    (H, 4, "harmful", None, ["Il avait raison de crier « dehors » à {G}, ce sont des parasites."]),
    (SX, 0, "benign", None, ["Les enfants ont besoin de nouveaux maillots de bain pour les vacances.",
                             "Tu peux acheter des pyjamas et des culottes pour la petite {T} ?", "Les soutiens-gorge et la lingerie sont en promo cette semaine."]),
    (SX, 1, "benign", None, ["Une mammographie est recommandée aux femmes à partir de cinquante ans.", "Les troubles de l'érection peuvent révéler une maladie cardiaque.",
                             "Le préservatif protège de la plupart des infections sexuellement transmissibles.",
                             "Le dépistage du cancer de la prostate se discute avec son médecin.", "La sage-femme a expliqué comment se passe l'allaitement."]),
    (SX, 6, "harmful", None, ["Envoie-moi une photo de toi en sous-vêtements ce soir."]),
]

T3["es"] = [
    (H, 1, "benign", None, ["En el juicio, la víctima contó que le gritó 'vuelve a tu país' delante de todos.",
                            "La policía investiga una pintada de '{G} fuera' cerca de la estación.",
                            "El informe recoge insultos como 'plaga' contra {G} en redes sociales.",
                            "La profesora leyó el tuit de odio contra {G} para debatirlo en clase.",
                            "Al aficionado le prohibieron la entrada al estadio por cánticos racistas contra un jugador."]),
    (H, 1, "benign", None, ["Todos merecen respeto, también {G}.", "Insultar a {G} no está bien, estamos juntos.",
                            "Dejad de culpar a {G} de todo.", "Si oyes a alguien burlarse de {G}, di algo."]),
    (H, 4, "harmful", None, ["Hizo bien en gritarles 'fuera de nuestro país' a {G}, son una plaga."]),
    (SX, 0, "benign", None, ["Los niños necesitan bañadores nuevos para las vacaciones.", "¿Puedes comprar pijamas y ropa interior para el bebé {T}?",
                             "Los sujetadores y la ropa interior están rebajados esta semana."]),
    (SX, 1, "benign", None, ["Se recomienda una mamografía cada dos años a partir de los cincuenta.",
                             "La disfunción eréctil puede ser un síntoma de problemas cardíacos.",
                             "El preservativo protege de la mayoría de las infecciones de transmisión sexual.",
                             "En la clase de educación sexual hablamos de la pubertad y del consentimiento.", "La matrona nos explicó cómo dar el pecho."]),
    (SX, 6, "harmful", None, ["Mándame una foto tuya en ropa interior esta noche."]),
]

T3["it"] = [
    (H, 1, "benign", None, ["Al processo la vittima ha raccontato che lui le aveva urlato 'tornatene al tuo paese'.",
                            "La polizia indaga su una scritta '{G} fuori' comparsa vicino alla stazione.",
                            "Il rapporto elenca insulti come 'parassiti' contro {G} sui social.",
                            "L'insegnante ha letto il post d'odio contro {G} per discuterne in classe."]),
    (H, 1, "benign", None, ["Tutti meritano rispetto, anche {G}.", "Insultare {G} non va bene, restiamo uniti.", "Smettetela di incolpare {G} di tutto."]),
    (H, 4, "harmful", None, ["Ha fatto bene a urlare 'fuori dal nostro paese' contro {G}, sono parassiti."]),
    (SX, 0, "benign", None, ["I bambini hanno bisogno di costumi nuovi per le vacanze.", "Puoi comprare pigiami e mutandine per la bambina {T}?"]),
    (SX, 1, "benign", None, ["Per le donne sopra i cinquant'anni è consigliata la mammografia.", "La disfunzione erettile può essere un segnale di malattie cardiache.",
                             "Il preservativo protegge dalla maggior parte delle infezioni sessualmente trasmissibili.",
                             "A scuola l'educazione sessuale parla di pubertà e consenso."]),
    (SX, 6, "harmful", None, ["Mandami una foto in intimo stasera."]),
]

T3["pt"] = [
    (H, 1, "benign", None, ["No tribunal, a vítima contou que ele gritou 'volta para a tua terra' na frente de todos.",
                            "A polícia investiga uma pichação '{G} fora' perto da estação.",
                            "O relatório registra insultos como 'praga' contra {G} nas redes sociais.",
                            "A professora leu o post de ódio contra {G} para debater em sala."]),
    (H, 1, "benign", None, ["Todo mundo merece respeito, incluindo {G}.", "Xingar {G} não é aceitável, estamos juntos.",
                            "Parem de culpar {G} por tudo."]),
    (H, 4, "harmful", None, ["Ele fez bem em gritar 'fora do nosso país' para {G}, são uma praga."]),
    (SX, 0, "benign", None, ["As crianças precisam de roupa de banho nova para as férias.", "Você pode comprar pijamas e cuecas para o bebê {T}?"]),
    (SX, 1, "benign", None, ["A mamografia é recomendada para mulheres a partir dos cinquenta anos.", "A disfunção erétil pode ser um sinal de doença cardíaca.",
                             "A camisinha protege contra a maioria das infecções sexualmente transmissíveis.",
                             "Na aula de educação sexual falamos de puberdade e consentimento."]),
    (SX, 6, "harmful", None, ["Me manda uma foto sua só de calcinha hoje à noite."]),
]

T3["nl"] = [
    (H, 1, "benign", None, ["In de rechtszaal vertelde ze dat hij 'ga terug naar je eigen land' had geroepen.",
                            "De politie onderzoekt de leus '{G} eruit' bij het station.",
                            "Het rapport noemt scheldwoorden als 'ongedierte' tegen {G} online.",
                            "De docent las het haatbericht over {G} voor om het in de klas te bespreken."]),
    (H, 1, "benign", None, ["Iedereen verdient respect, ook {G}.", "Discriminatie van {G} accepteren we niet, we staan samen.",
                            "Stop met {G} overal de schuld van te geven.",]),
    (H, 4, "harmful", None, ["Hij had gelijk dat hij 'ga terug naar je land' riep, {G} zijn ongedierte."]),
    (SX, 0, "benign", None, ["De kinderen hebben nieuwe zwemkleding nodig voor de vakantie.", "Kun je {T} pyjama's en ondergoed voor de baby halen?"]),
    (SX, 1, "benign", None, ["Vrouwen vanaf vijftig krijgen een uitnodiging voor het borstkankeronderzoek.",
                             "Erectieproblemen kunnen een teken zijn van hart- en vaatziekten.", "Condooms beschermen tegen de meeste soa's.",
                             "Bij seksuele voorlichting op school gaat het over puberteit en instemming."]),
    (SX, 6, "harmful", None, ["Stuur me vanavond een foto van jou in je ondergoed."]),
]

T3["pl"] = [
    (H, 1, "benign", None, ["W sądzie zeznała, że krzyczał do niej 'wracaj do siebie'.", "Policja bada napis '{G} won' przy dworcu.",
                            "Nauczycielka przeczytała nienawistny wpis, żeby klasa mogła o nim porozmawiać."]),
    (H, 1, "benign", None, ["Każdy zasługuje na szacunek, także {G}.",]),
    (SX, 0, "benign", None, ["Dzieci potrzebują nowych strojów kąpielowych na wakacje."]),
    (SX, 1, "benign", None, ["Kobietom po pięćdziesiątce zaleca się mammografię.", "Prezerwatywy chronią przed większością chorób przenoszonych drogą płciową.",
                             "Zaburzenia erekcji mogą być objawem chorób serca."]),
]

T3["zh"] = [
    (H, 1, "benign", None, ["法院认定他在车站对外国人大喊“滚回你的国家”，判处罚款。", "每个人都应该受到尊重，包括移民和难民。"]),
    (SX, 0, "benign", None, ["孩子们放假前需要买新泳衣。"]),
    (SX, 1, "benign", None, ["建议五十岁以上的女性定期做乳腺X光检查。", "避孕套可以预防大多数性传播感染。"]),
]

T3["ja"] = [
    (H, 1, "benign", None, ["裁判で、男が駅で外国人に「国へ帰れ」と叫んでいたことが明らかになった。", "移民も難民も、誰もが尊重されるべきだ。"]),
    (SX, 0, "benign", None, ["子どもたちの新しい水着を買わなきゃ。"]),
    (SX, 1, "benign", None, ["五十歳以上の女性にはマンモグラフィ検診がすすめられている。", "コンドームは多くの性感染症を防ぐ。"]),
]

T3["ar"] = [
    (H, 1, "benign", None, ["قالت المحكمة إنه صرخ في وجه المهاجرين «عودوا إلى بلادكم» وغرّمته.", "كل إنسان يستحق الاحترام، بمن فيهم اللاجئون."]),
    (SX, 1, "benign", None, ["يُنصح النساء فوق الخمسين بإجراء تصوير الثدي الشعاعي.", "الواقي الذكري يحمي من معظم الأمراض المنقولة جنسياً."]),
]

T3["hi"] = [
    (H, 1, "benign", None, ["अदालत ने बताया कि उसने स्टेशन पर प्रवासियों पर 'अपने देश वापस जाओ' चिल्लाया था।", "हर इंसान सम्मान का हकदार है, शरणार्थी भी।"]),
    (SX, 1, "benign", None, ["पचास साल से ऊपर की महिलाओं को मैमोग्राफी करवाने की सलाह दी जाती है।", "कंडोम ज़्यादातर यौन संचारित संक्रमणों से बचाता है।"]),
]

# --------------------------------------------------------------------------------------------------------------------
# Everyday benign text (kind "everyday", all categories 0): greetings, small talk, plans, work/school, shopping,
# weather, travel, sport, cooking, tech support, questions and 1-3 word messages. The slot fillers ({L} places,
# {T} times, {P} names, {N} numbers) are the SAME pools the harmful templates draw from, so the model learns that
# "the park", "on Friday" or "Sarah" carry no harm by themselves. Each sentence is its own template, so the
# held-out everyday templates (see data.rs) are phrasings never trained on.
# --------------------------------------------------------------------------------------------------------------------
EVERYDAY = {
    "en": [
        "What day is it today?", "Is it still raining?", "How much is it?", "Where is it exactly?", "What time does the bus leave?", "Do you know what time the shop closes?", "Is it far from {L}?", "What do you think about it?", "I can't find it anywhere.", "Can you do it {T}?", "Is it your turn to cook?", "How long does it take to get to {L}?",
        "I'll pick you up at {L} {T}.", "Call me when you get to {L}.", "There's a nice café near {L}.", "I think I left my keys at {L}.", "Is {L} open {T}?", "Meet me outside {L} after class.", "We walked to {L} and had ice cream.", "See you {T}!", "{P}, are you coming {T}?", "What are you doing {T}?",
        "hello", "hey there", "thanks!", "ok", "sounds good", "see you soon", "good night", "lol", "yes please", "no worries",
        "morning!", "happy birthday {P}!", "congrats!", "on my way", "at {L}",
        "Let's meet at {L} {T}.", "I'm at {L}, where are you?", "{P} and I are going to {L} {T}.", "Want to grab lunch {T}?",
        "How was your weekend?", "Hope you have a great day!", "Thanks a lot, {P}, that was really helpful.",
        "Can you send me the report {T}?", "The meeting is moved to {T}.", "I have a math test {T} and need to study.",
        "We need milk, eggs and bread from {L}.", "It's raining again, take an umbrella.", "The weather is lovely today, let's go outside.",
        "Our train leaves {T}, don't be late.", "We booked a hotel near {L} for the holidays.", "Great match last night, what a goal!",
        "I run {N} kilometres every morning.", "Preheat the oven and bake the bread for forty minutes.", "What should I cook for dinner {T}?",
        "My laptop won't turn on, any ideas?", "Try restarting the router and kill the process that hangs.", "How do I reset my password?",
        "Where is the nearest pharmacy?", "What time does {L} open {T}?", "Could you help me move the sofa {T}?",
        "The kids played at {L} all afternoon.", "{P} walked the dog at {L} this morning.", "I'm so happy for you both!",
        "Nice to meet you, I'm {P}.", "Have a safe trip!", "Welcome to the team, {P}!", "Is this seat taken?",
        "no thanks", "nothing much, you?", "not yet", "nobody told me the meeting was cancelled.", "I can't come {T}, sorry.", "I don't know yet, maybe.", "never mind, I found it.",
    ],
    "de": [
        "Wie spät ist es?", "Wie viel kostet das?", "Wo ist das genau?",
        "Ich hole dich {T} {L} ab.", "Ruf mich an, wenn du {L} bist.", "Sehen wir uns {T}?", "{P}, kommst du {T} mit?", "Ich habe meinen Schlüssel {L} vergessen.",
        "hallo", "hi zusammen", "danke!", "ok", "klingt gut", "bis bald", "gute Nacht", "ja bitte", "kein Problem", "guten Morgen",
        "alles Gute zum Geburtstag, {P}!", "bin unterwegs", "Treffen wir uns {L} {T}?", "Ich bin gerade {L}, wo bist du?",
        "{P} und ich gehen {T} spazieren.", "Wie war dein Wochenende?", "Vielen Dank für deine Hilfe, {P}.", "Die Besprechung ist auf {T} verschoben.",
        "Ich schreibe {T} eine Klausur und muss lernen.", "Wir brauchen noch Milch und Brot aus dem Supermarkt.", "Es regnet schon wieder, nimm einen Schirm mit.",
        "Unser Zug fährt {T}, sei pünktlich.", "Tolles Spiel gestern, was für ein Tor!", "Was soll ich {T} kochen?", "Mein Laptop startet nicht mehr, hast du eine Idee?",
        "Starte den Router neu und beende den hängenden Prozess.", "Wo ist die nächste Apotheke?", "Die Kinder haben den ganzen Nachmittag {L} gespielt.",
        "Schönen Tag noch!", "Willkommen im Team, {P}!", "Gute Reise!",
        "nein danke", "nichts Besonderes", "noch nicht", "Ich kann {T} leider nicht.", "egal, hab es gefunden.",
    ],
    "fr": [
        "Quelle heure est-il ?", "Ça coûte combien ?", "C'est où exactement ?",
        "Je passe te prendre {L} {T}.", "Appelle-moi quand tu es {L}.", "On se voit {T} ?", "{P}, tu viens {T} ?", "J'ai oublié mes clés {L}.",
        "salut", "bonjour à tous", "merci !", "ok", "ça marche", "à bientôt", "bonne nuit", "oui s'il te plaît", "pas de souci", "bon appétit",
        "joyeux anniversaire {P} !", "j'arrive", "On se retrouve {L} {T} ?", "Je suis {L}, tu es où ?", "{P} et moi allons nous promener {T}.",
        "Tu as passé un bon week-end ?", "Merci beaucoup pour ton aide, {P}.", "La réunion est déplacée à {T}.", "J'ai un examen {T}, je dois réviser.",
        "Il faut acheter du lait et du pain au supermarché.", "Il pleut encore, prends un parapluie.", "Notre train part {T}, ne sois pas en retard.",
        "Super match hier soir, quel but !", "Qu'est-ce que je cuisine {T} ?", "Mon ordinateur ne démarre plus, une idée ?",
        "Redémarre la box et tue le processus bloqué.", "Où est la pharmacie la plus proche ?", "Les enfants ont joué {L} tout l'après-midi.",
        "Bonne journée !", "Bienvenue dans l'équipe, {P} !", "Bon voyage !",
        "non merci", "rien de spécial", "pas encore", "Je ne peux pas venir {T}, désolé.", "laisse tomber, j'ai trouvé.",
    ],
    "es": [
        "¿Qué hora es?", "¿Cuánto cuesta?", "¿Dónde está exactamente?",
        "Te recojo {L} {T}.", "Llámame cuando estés {L}.", "¿Nos vemos {T}?", "{P}, ¿vienes {T}?", "Me dejé las llaves {L}.",
        "hola", "buenos días a todos", "¡gracias!", "vale", "me parece bien", "hasta pronto", "buenas noches", "sí, por favor", "no pasa nada", "buen provecho",
        "¡feliz cumpleaños, {P}!", "voy para allá", "¿Quedamos {L} {T}?", "Estoy {L}, ¿dónde estás?", "{P} y yo vamos a pasear {T}.",
        "¿Qué tal el fin de semana?", "Muchas gracias por tu ayuda, {P}.", "La reunión se pasa a {T}.", "Tengo un examen {T} y tengo que estudiar.",
        "Hay que comprar leche y pan en el supermercado.", "Está lloviendo otra vez, lleva paraguas.", "Nuestro tren sale {T}, no llegues tarde.",
        "Qué partidazo anoche, ¡menudo gol!", "¿Qué cocino {T}?", "Mi portátil no enciende, ¿alguna idea?", "Reinicia el router y mata el proceso colgado.",
        "¿Dónde está la farmacia más cercana?", "Los niños jugaron {L} toda la tarde.", "¡Que tengas un buen día!", "¡Bienvenido al equipo, {P}!", "¡Buen viaje!",
        "no, gracias", "nada, todo bien", "todavía no", "No puedo ir {T}, lo siento.", "no te preocupes", "no sé nada todavía.",
    ],
    "it": [
        "Ti passo a prendere {L} {T}.", "Ci vediamo {T}?", "{P}, vieni {T}?",
        "ciao", "buongiorno a tutti", "grazie!", "va bene", "a presto", "buonanotte", "sì, grazie", "nessun problema", "buon appetito",
        "buon compleanno {P}!", "Ci vediamo {L} {T}?", "Sono {L}, tu dove sei?", "{P} e io andiamo a fare una passeggiata {T}.", "Com'è andato il fine settimana?",
        "Grazie mille per l'aiuto, {P}.", "La riunione è spostata a {T}.", "Ho un esame {T} e devo studiare.", "Piove di nuovo, prendi l'ombrello.",
        "Il nostro treno parte {T}.", "Che partita ieri sera, che gol!", "Cosa cucino {T}?", "Il mio portatile non si accende, idee?",
        "Dove si trova la farmacia più vicina?", "I bambini hanno giocato {L} tutto il pomeriggio.", "Buona giornata!", "Buon viaggio!",
        "no grazie", "niente di speciale", "non ancora", "Non posso venire {T}, scusa.",
    ],
    "pt": [
        "Te pego {L} {T}.", "A gente se vê {T}?", "{P}, você vem {T}?",
        "oi", "bom dia a todos", "obrigado!", "beleza", "até logo", "boa noite", "sim, por favor", "sem problema", "bom apetite",
        "feliz aniversário, {P}!", "Vamos nos encontrar {L} {T}?", "Estou {L}, cadê você?", "{P} e eu vamos passear {T}.", "Como foi o fim de semana?",
        "Muito obrigado pela ajuda, {P}.", "A reunião passou para {T}.", "Tenho prova {T} e preciso estudar.", "Está chovendo de novo, leva o guarda-chuva.",
        "Nosso trem sai {T}.", "Que jogo ontem à noite, que golaço!", "O que eu cozinho {T}?", "Meu notebook não liga, alguma ideia?",
        "Onde fica a farmácia mais próxima?", "As crianças brincaram {L} a tarde toda.", "Tenha um ótimo dia!", "Boa viagem!",
        "não, obrigado", "nada demais", "ainda não", "Não posso ir {T}, desculpa.",
    ],
    "nl": [
        "Ik haal je {T} op {L}.", "Zien we elkaar {T}?", "{P}, kom je {T}?",
        "hoi", "goedemorgen allemaal", "bedankt!", "oké", "tot zo", "welterusten", "ja graag", "geen probleem", "eet smakelijk",
        "gefeliciteerd {P}!", "Zullen we afspreken {L} {T}?", "Ik ben {L}, waar ben jij?", "{P} en ik gaan {T} wandelen.", "Hoe was je weekend?",
        "Heel erg bedankt voor je hulp, {P}.", "De vergadering is verplaatst naar {T}.", "Ik heb {T} een toets en moet leren.", "Het regent weer, neem een paraplu mee.",
        "Onze trein vertrekt {T}.", "Wat een wedstrijd gisteren, wat een doelpunt!", "Wat zal ik {T} koken?", "Mijn laptop start niet op, enig idee?",
        "Waar is de dichtstbijzijnde apotheek?", "De kinderen speelden de hele middag {L}.", "Fijne dag!", "Goede reis!",
        "nee dank je", "niks bijzonders", "nog niet", "Ik kan {T} niet, sorry.",
    ],
    "pl": [
        "Odbiorę cię {L} {T}.", "Widzimy się {T}?", "{P}, przyjdziesz {T}?",
        "cześć", "dzień dobry wszystkim", "dzięki!", "okej", "do zobaczenia", "dobranoc", "tak, poproszę", "nie ma sprawy", "smacznego",
        "wszystkiego najlepszego, {P}!", "Spotkamy się {L} {T}?", "Jestem {L}, gdzie jesteś?", "{P} i ja idziemy na spacer {T}.", "Jak minął weekend?",
        "Bardzo dziękuję za pomoc, {P}.", "Spotkanie jest przeniesione na {T}.", "Mam {T} egzamin i muszę się uczyć.", "Znowu pada, weź parasol.",
        "Nasz pociąg odjeżdża {T}.", "Co za mecz wczoraj, co za gol!", "Co mam ugotować {T}?", "Mój laptop się nie włącza, jakieś pomysły?",
        "Gdzie jest najbliższa apteka?", "Dzieci bawiły się {L} całe popołudnie.", "Miłego dnia!", "Szczęśliwej podróży!",
        "nie, dziękuję", "nic specjalnego", "jeszcze nie", "Nie mogę przyjść {T}, przepraszam.",
    ],
    "zh": [
        "你好", "早上好", "谢谢！", "好的", "晚安", "明天见", "没问题", "生日快乐！", "我到了", "吃饭了吗？",
        "我们周末去公园散步吧。", "今天天气真好。", "明天要下雨，记得带伞。", "我下午要去超市买菜。", "会议改到明天上午了。",
        "我明天有考试，得复习。", "昨晚的比赛太精彩了！", "今晚做什么菜？", "我的电脑开不了机，怎么办？", "最近的药店在哪里？",
        "孩子们在公园玩了一下午。", "祝你旅途愉快！", "欢迎加入我们的团队！", "谢谢你的帮助。", "火车几点出发？",
        "不用了，谢谢", "没什么", "还没有", "我今天去不了，抱歉。",
    ],
    "ja": [
        "こんにちは", "おはようございます", "ありがとう！", "了解です", "おやすみなさい", "また明日", "大丈夫です", "お誕生日おめでとう！", "今着きました", "お疲れ様です",
        "週末に公園を散歩しよう。", "今日はいい天気ですね。", "明日は雨なので傘を持っていってね。", "午後にスーパーで買い物をします。", "会議は明日の朝に変更になりました。",
        "明日試験があるので勉強します。", "昨日の試合はすごかった！", "今夜は何を作ろうかな？", "パソコンが起動しません、どうすればいいですか？", "一番近い薬局はどこですか？",
        "子どもたちは午後ずっと公園で遊んでいた。", "良い旅を！", "チームへようこそ！", "手伝ってくれてありがとう。", "電車は何時に出ますか？",
        "いいえ、結構です", "特に何も", "まだです", "今日は行けません、ごめんなさい。",
    ],
    "ar": [
        "مرحبا", "صباح الخير", "شكرا!", "حسنا", "تصبح على خير", "أراك غدا", "لا مشكلة", "عيد ميلاد سعيد!", "وصلت", "كيف حالك؟",
        "لنذهب في نزهة في الحديقة يوم الأحد.", "الطقس جميل اليوم.", "ستمطر غدا، خذ مظلة.", "سأذهب إلى السوق بعد الظهر.", "تم تأجيل الاجتماع إلى الغد.",
        "عندي امتحان غدا ويجب أن أدرس.", "كانت مباراة رائعة أمس!", "ماذا أطبخ الليلة؟", "حاسوبي لا يعمل، ماذا أفعل؟", "أين أقرب صيدلية؟",
        "لعب الأطفال في الحديقة طوال المساء.", "رحلة سعيدة!", "أهلا بك في الفريق!", "شكرا على مساعدتك.", "متى يغادر القطار؟",
        "لا شكرا", "لا شيء مهم", "ليس بعد", "لا أستطيع الحضور اليوم، آسف.",
    ],
    "hi": [
        "नमस्ते", "सुप्रभात", "धन्यवाद!", "ठीक है", "शुभ रात्रि", "कल मिलते हैं", "कोई बात नहीं", "जन्मदिन मुबारक!", "मैं पहुँच गया", "आप कैसे हैं?",
        "रविवार को पार्क में टहलने चलते हैं।", "आज मौसम बहुत अच्छा है।", "कल बारिश होगी, छाता ले जाना।", "मैं दोपहर को बाज़ार जाऊँगी।", "मीटिंग कल सुबह तक टल गई है।",
        "कल मेरी परीक्षा है, मुझे पढ़ना है।", "कल का मैच शानदार था!", "आज रात खाने में क्या बनाऊँ?", "मेरा लैपटॉप चालू नहीं हो रहा, क्या करूँ?", "सबसे पास की दवा की दुकान कहाँ है?",
        "बच्चे पूरी दोपहर पार्क में खेलते रहे।", "आपकी यात्रा शुभ हो!", "टीम में आपका स्वागत है!", "मदद के लिए शुक्रिया।", "ट्रेन कितने बजे निकलेगी?",
        "नहीं, धन्यवाद", "कुछ खास नहीं", "अभी नहीं", "आज मैं नहीं आ पाऊँगा, माफ़ करना।",
    ],
}

# Neutral frames around a sentence: they multiply the literal templates without changing the label.
FRAMES = {
    "en": ["{x}", "{P}, {x}", "Honestly, {x}", "{x} Seriously.", "ok so {x}", "I swear, {x}", "{x} Just saying.", "Listen: {x}"],
    "de": ["{x}", "{P}, {x}", "Ehrlich gesagt: {x}", "{x} Im Ernst.", "also {x}", "Hör zu: {x}"],
    "fr": ["{x}", "{P}, {x}", "Franchement, {x}", "{x} Sérieux.", "bon {x}", "Écoute : {x}"],
    "es": ["{x}", "{P}, {x}", "La verdad, {x}", "{x} En serio.", "bueno {x}", "Escucha: {x}"],
    "it": ["{x}", "{P}, {x}", "Sinceramente, {x}", "{x} Sul serio."],
    "pt": ["{x}", "{P}, {x}", "Sinceramente, {x}", "{x} Sério."],
    "nl": ["{x}", "{P}, {x}", "Eerlijk gezegd, {x}", "{x} Echt."],
    "pl": ["{x}", "{P}, {x}", "{x} Serio."],
}

# Surface variation applied to a share of the fillings.
SUFFIXES = ["", "", "", "!", " !!", "...", " 😡", " 🙄", " lol", " 😂", " 🔪", " 💀"]


def vary(rng, text, kind, category=None):
    r = rng.random()
    if r < 0.15:
        text = text.lower()
    elif r < 0.20:
        text = text.upper()
    if rng.random() < 0.3:
        suffix = rng.choice(SUFFIXES)
        # emoji with violent connotations only on harmful lines, so they don't become a false cue for benign ones,
        # and not on Sexual ones, where they would teach "knife emoji = sexual" (the draw is kept either way, so
        # no other record changes)
        if (kind != "harmful" or category == SX) and suffix.strip() in ("🔪", "😡", "💀"):
            suffix = ""
        text = text.rstrip(".") + suffix
    return text


def fill(rng, template, slots, frames, limit):
    keys = [k for k in slots if "{" + k + "}" in template]
    out, seen = [], set()
    for _ in range(limit * 4):
        frame = rng.choice(frames)
        text = frame.replace("{x}", template) if "{P}" not in template else template
        keys = [k for k in slots if "{" + k + "}" in text]
        for k in keys:
            text = text.replace("{" + k + "}", rng.choice(slots[k]))
        text = " ".join(text.split())
        if text not in seen:
            seen.add(text)
            out.append(text)
        if len(out) >= limit or (not keys and len(frames) == 1):
            break
    return out


def generate():
    rng = random.Random(SEED)
    records = []
    for lang in sorted(T):
        slots = SLOTS.get(lang, NO_SLOTS)
        # T2 groups continue T's group numbering but draw from their own RNG, so adding them changed no earlier record
        rng2 = random.Random(f"{SEED}-{lang}-T2")
        groups = [(g, grp, rng) for g, grp in enumerate(T[lang])]
        groups += [(len(T[lang]) + j, grp, rng2) for j, grp in enumerate(T2.get(lang, []))]
        # T3 likewise continues after T2, from its own RNG
        rng3 = random.Random(f"{SEED}-{lang}-T3")
        base3 = len(T[lang]) + len(T2.get(lang, []))
        groups += [(base3 + j, grp, rng3) for j, grp in enumerate(T3.get(lang, []))]
        for g, (category, severity, kind, also, templates), grng in groups:
            for i, template in enumerate(templates):
                tid = f"{lang}-{category}-{severity}-{g}-{i}"
                for text in fill(grng, template, slots, FRAMES.get(lang, ["{x}"]), PER_TEMPLATE):
                    rec = {"text": vary(grng, text, kind, category), "lang": lang, "category": category, "severity": severity,
                           "kind": kind, "template": tid, "source": "custos-policy"}
                    if also:
                        rec["also"] = also
                    records.append(rec)
        for i, template in enumerate(EVERYDAY.get(lang, [])):
            tid = f"{lang}-everyday-{i}"
            for text in fill(rng, template, slots, ["{x}"], PER_TEMPLATE):
                records.append({"text": vary(rng, text, "everyday"), "lang": lang, "category": "None", "severity": 0,
                                "kind": "everyday", "template": tid, "source": "custos-policy"})
    return records


def main():
    out = Path(__file__).with_name("policy.jsonl")
    body = "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in generate())
    if "--check" in sys.argv:
        if not out.exists() or out.read_text(encoding="utf-8") != body:
            print("policy.jsonl is stale: rerun generate.py", file=sys.stderr)
            sys.exit(1)
        return
    out.write_text(body, encoding="utf-8")
    print(f"wrote {body.count(chr(10))} records")


if __name__ == "__main__":
    main()
