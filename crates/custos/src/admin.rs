//! `custos admin ...`: resource management straight on the configured database (no running server needed; safe
//! next to one: SQLite serialises writers, PostgreSQL is shared by design).

use anyhow::{bail, Context};
use custos_server::config::Config;
use custos_server::routes::admin_resources::rfc3339;
use custos_store::{KeySlot, ResourceInfo, Store, USAGE_BUCKET_SECS};
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
            let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH)?.as_secs() as i64;
            let since = now - now.rem_euclid(USAGE_BUCKET_SECS) - (hours - 1) * USAGE_BUCKET_SECS;
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
