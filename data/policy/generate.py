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


def vary(rng, text, kind):
    r = rng.random()
    if r < 0.15:
        text = text.lower()
    elif r < 0.20:
        text = text.upper()
    if rng.random() < 0.3:
        suffix = rng.choice(SUFFIXES)
        # emoji with violent connotations only on harmful lines, so they don't become a false cue for benign ones
        if kind != "harmful" and suffix.strip() in ("🔪", "😡", "💀"):
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
        for g, (category, severity, kind, also, templates) in enumerate(T[lang]):
            for i, template in enumerate(templates):
                tid = f"{lang}-{category}-{severity}-{g}-{i}"
                for text in fill(rng, template, slots, FRAMES.get(lang, ["{x}"]), PER_TEMPLATE):
                    rec = {"text": vary(rng, text, kind), "lang": lang, "category": category, "severity": severity,
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
