//! `custos admin ...`: resource management straight on the configured database (no running server needed; safe
//! next to one: SQLite serialises writers, PostgreSQL is shared by design).

use anyhow::{bail, Context};
use custos_server::config::Config;
use custos_server::routes::admin_resources::rfc3339;
use custos_store::{KeySlot, NewConsent, ResourceInfo, SampleScope, Store, OPERATOR, USAGE_BUCKET_SECS};
use custos_wire::admin::is_valid_resource_name;

/// Usage of the admin commands.
pub const USAGE: &str = "\
  admin resources list                        List resources (name, region, created)
  admin resources create NAME [--region R]    Create a resource; prints its two keys once
  admin resources delete NAME                 Delete a resource, its keys and all its blocklists
  admin keys regenerate NAME key1|key2        Replace one key (the other keeps working)
  admin keys suspend NAME key1|key2           Refuse the key's requests (403 KeySuspended) until reinstated
  admin keys reinstate NAME key1|key2         Accept the key again
  admin usage NAME [--hours N]                Request and result counts per key and hour (default 24 hours);
                                              counts reach the database every usage.flush_secs
  admin feedback list NAME                    Feedback reports of a resource (metadata; content length only)
  admin feedback show NAME ID                 One report, with its comment and any content the client included
  admin feedback delete NAME ID               Delete one report
  admin consent grant NAME --by WHO --rate R [--scope text|image|both]
                                              Record the resource owner's consent to keep a sampled fraction R
                                              (0 < R <= 1) of analysed content, masked and sealed (default text)
  admin consent show NAME                     The active consent of a resource
  admin consent revoke NAME                   Revoke consent: deletes every sample and the consent key at once
  admin reviewers add NAME                    Create a reviewer; prints its key once
  admin reviewers list                        List reviewers
  admin reviewers remove NAME                 Delete a reviewer (its key stops working)
  admin samples export NAME                   Print the consent record and every masked sample as JSON lines
                                              (audited; the only way samples leave the service)
  admin audit [NAME]                          The sample audit log (who listed, read, labelled, exported)
  admin master-key rotate [--retire-old]      Add a new master key, re-wrap every resource key with it, and
                                              optionally drop the old master keys (old backups become unreadable)";

/// Runs one admin command.
pub async fn run(config: &Config, args: &[String]) -> anyhow::Result<()> {
    let words: Vec<&str> = args.iter().map(String::as_str).collect();
    if let ["master-key", "rotate", rest @ ..] = words.as_slice() {
        let retire = match rest {
            [] => false,
            ["--retire-old"] => true,
            _ => bail!("usage: custos admin master-key rotate [--retire-old]"),
        };
        let ring = custos_server::open_keyring(config)?;
        let id = ring.add_primary()?;
        let store = custos_server::open_store(config).await?;
        let n = store.rewrap_resource_keys().await?;
        println!("New primary master key {id}; re-wrapped {n} resource keys.");
        if retire {
            let dropped = custos_server::open_keyring(config)?.retire_old()?;
            println!("Dropped {dropped} old master keys. Restart running instances so they drop them too.");
        }
        return Ok(());
    }
    let store = custos_server::open_store(config).await?;
    match words.as_slice() {
        ["resources", "list"] => {
            for r in store.list_resources().await? {
                println!("{}\t{}\t{}", r.name, r.region, custos_server::routes::admin_resources::rfc3339(r.created_at));
            }
        }
        ["resources", "create", name, rest @ ..] => {
            let region = match rest {
                [] => config.server.regions[0].clone(),
                ["--region", r] => (*r).to_owned(),
                _ => bail!("usage: custos admin resources create NAME [--region R]"),
            };
            if !is_valid_resource_name(name) {
                bail!("resource names are 2-64 letters, digits and '-', starting with a letter or digit");
            }
            if !config.server.regions.contains(&region) {
                bail!("region '{region}' is not served by this configuration (server.regions = {:?})", config.server.regions);
            }
            let keys = store.create_resource(name, &region).await?;
            println!("Created resource {name} in region {region}.");
            println!("Key 1: {}\nKey 2: {}", keys.key1, keys.key2);
            println!("Keys are shown only now; store them safely.");
        }
        ["resources", "delete", name] => {
            if !store.delete_resource(name).await? {
                bail!("no resource named '{name}'");
            }
            println!("Deleted resource {name} with its keys and blocklists.");
        }
        ["keys", action @ ("suspend" | "reinstate"), name, which] => {
            let slot = key_slot(which)?;
            let suspend = *action == "suspend";
            if !store.set_key_suspended(name, slot, suspend).await? {
                bail!("no resource named '{name}'");
            }
            let state = if suspend { "suspended" } else { "reinstated" };
            println!("{which} of {name} {state}.");
        }
        ["usage", name, rest @ ..] => {
            let hours: i64 = match rest {
                [] => 24,
                ["--hours", n] => match n.parse() {
                    Ok(h @ 1..=744) => h,
                    _ => bail!("--hours takes a number of hours from 1 to 744"),
                },
                _ => bail!("usage: custos admin usage NAME [--hours N]"),
            };
            let r = resource(&store, name).await?;
            for (slot, suspended) in store.key_states(&r.id).await? {
                println!("{}\t{}", slot.name(), if suspended { "suspended" } else { "active" });
            }
            let since = custos_server::usage::current_bucket() - (hours - 1) * USAGE_BUCKET_SECS;
            for c in store.usage(&r.id, since).await? {
                println!("{}\t{}\t{}\t{}", rfc3339(c.bucket), c.slot.name(), c.counter, c.count);
            }
        }
        ["feedback", "list", name] => {
            let r = resource(&store, name).await?;
            for f in store.list_feedback(&r.id).await? {
                let severity = f.expected_severity.map(|s| s.to_string()).unwrap_or_else(|| "-".into());
                let content = f.content.as_ref().map(|c| format!("content: {} chars", c.chars().count()));
                println!(
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    f.id,
                    rfc3339(f.created_at),
                    f.key_slot.name(),
                    f.kind,
                    f.category.as_deref().unwrap_or("-"),
                    severity,
                    content.as_deref().unwrap_or("no content")
                );
            }
        }
        ["feedback", "show", name, id] => {
            let r = resource(&store, name).await?;
            let f = store.get_feedback(&r.id, id).await?.with_context(|| format!("no report {id} in '{name}'"))?;
            println!("id: {}\ncreated: {}\nkey: {}\nkind: {}", f.id, rfc3339(f.created_at), f.key_slot.name(), f.kind);
            for (label, value) in [
                ("category", f.category),
                ("expectedSeverity", f.expected_severity.map(|s| s.to_string())),
                ("requestId", f.request_id),
                ("comment", f.comment),
                ("content", f.content),
            ] {
                if let Some(v) = value {
                    println!("{label}: {v}");
                }
            }
        }
        ["feedback", "delete", name, id] => {
            let r = resource(&store, name).await?;
            if !store.delete_feedback(&r.id, id).await? {
                bail!("no report {id} in '{name}'");
            }
            println!("Deleted report {id} of {name}.");
        }
        ["keys", "regenerate", name, which] => {
            let slot = key_slot(which)?;
            let key = store.regenerate_key(name, slot).await?.with_context(|| format!("no resource named '{name}'"))?;
            println!("New {which} of {name}: {key}");
        }
        ["consent", "grant", name, rest @ ..] => {
            let r = resource(&store, name).await?;
            let (mut by, mut rate, mut scope) = (None, None, SampleScope::Text);
            let mut it = rest.iter();
            while let Some(flag) = it.next() {
                let value = it.next().with_context(|| format!("{flag} needs a value"))?;
                match *flag {
                    "--by" => by = Some((*value).to_owned()),
                    "--rate" => rate = Some(value.parse::<f64>().context("--rate takes a number, 0 < R <= 1")?),
                    "--scope" => scope = SampleScope::parse(value).context("--scope is text, image or both")?,
                    _ => bail!("usage: custos admin consent grant NAME --by WHO --rate R [--scope text|image|both]"),
                }
            }
            let (Some(by), Some(rate)) = (by, rate) else {
                bail!("usage: custos admin consent grant NAME --by WHO --rate R [--scope text|image|both]")
            };
            if by.trim().is_empty() || !(rate.is_finite() && rate > 0.0 && rate <= 1.0) {
                bail!("--by must not be empty and --rate must be greater than 0 and at most 1");
            }
            let (c, created) = store.grant_consent(&r, NewConsent { granted_by: by, scope, sample_rate: rate }).await?;
            let verb = if created { "Granted" } else { "Updated" };
            println!("{verb} sample consent for {name}: by {}, {}, scope {}, rate {}.", c.granted_by, rfc3339(c.granted_at), c.scope.as_str(), c.sample_rate);
            println!("Running servers pick it up within {} s.", custos_server::sampling::CONSENT_TTL.as_secs());
        }
        ["consent", "show", name] => {
            let r = resource(&store, name).await?;
            let c = store.sample_consent(&r.id).await?.with_context(|| format!("'{name}' has no active sample consent"))?;
            println!("grantedBy: {}\ngrantedAt: {}\nscope: {}\nsampleRate: {}", c.granted_by, rfc3339(c.granted_at), c.scope.as_str(), c.sample_rate);
        }
        ["consent", "revoke", name] => {
            let r = resource(&store, name).await?;
            if !store.revoke_consent(&r, OPERATOR).await? {
                bail!("'{name}' has no active sample consent");
            }
            println!("Revoked sample consent for {name}; its samples and their key are deleted.");
        }
        ["reviewers", "add", name] => {
            if !is_valid_resource_name(name) {
                bail!("reviewer names are 2-64 letters, digits and '-', starting with a letter or digit");
            }
            let (_, key) = store.create_reviewer(name).await?;
            println!("Created reviewer {name}.\nKey: {key}\nThe key is shown only now; store it safely.");
        }
        ["reviewers", "list"] => {
            for r in store.list_reviewers().await? {
                println!("{}\t{}", r.name, rfc3339(r.created_at));
            }
        }
        ["reviewers", "remove", name] => {
            if !store.delete_reviewer(name).await? {
                bail!("no reviewer named '{name}'");
            }
            println!("Removed reviewer {name}.");
        }
        ["samples", "export", name] => {
            let r = resource(&store, name).await?;
            let (consent, samples) =
                store.export_samples(&r).await?.with_context(|| format!("'{name}' has no active sample consent"))?;
            let body = custos_server::routes::admin_sample_consent::export_ndjson(&r.name, &consent, samples)
                .map_err(|_| anyhow::anyhow!("a stored sample could not be read"))?;
            print!("{}", String::from_utf8_lossy(&body));
        }
        ["audit", rest @ ..] => {
            let filter = match rest {
                [] => None,
                [name] => Some(*name),
                _ => bail!("usage: custos admin audit [NAME]"),
            };
            for e in store.audit_log(filter).await? {
                println!("{}\t{}\t{}\t{}\t{}", rfc3339(e.at), e.actor, e.action.as_str(), e.resource, e.sample_id.as_deref().unwrap_or("-"));
            }
        }
        _ => bail!("unknown admin command\n\n{USAGE}"),
    }
    Ok(())
}

fn key_slot(which: &str) -> anyhow::Result<KeySlot> {
    match which {
        "key1" => Ok(KeySlot::One),
        "key2" => Ok(KeySlot::Two),
        _ => bail!("the key is key1 or key2"),
    }
}

async fn resource(store: &Store, name: &str) -> anyhow::Result<ResourceInfo> {
    store
        .list_resources()
        .await?
        .into_iter()
        .find(|r| r.name == name)
        .with_context(|| format!("no resource named '{name}'"))
}
