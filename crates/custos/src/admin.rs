//! `custos admin ...`: resource management straight on the configured database (no running server needed; safe
//! next to one: SQLite serialises writers, PostgreSQL is shared by design).

use anyhow::{bail, Context};
use custos_server::config::Config;
use custos_store::KeySlot;
use custos_wire::admin::is_valid_resource_name;

/// Usage of the admin commands.
pub const USAGE: &str = "\
  admin resources list                        List resources (name, region, created)
  admin resources create NAME [--region R]    Create a resource; prints its two keys once
  admin resources delete NAME                 Delete a resource, its keys and all its blocklists
  admin keys regenerate NAME key1|key2        Replace one key (the other keeps working)
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
        ["keys", "regenerate", name, which] => {
            let slot = match *which {
                "key1" => KeySlot::One,
                "key2" => KeySlot::Two,
                _ => bail!("the key is key1 or key2"),
            };
            let key = store.regenerate_key(name, slot).await?.with_context(|| format!("no resource named '{name}'"))?;
            println!("New {which} of {name}: {key}");
        }
        _ => bail!("unknown admin command\n\n{USAGE}"),
    }
    Ok(())
}
