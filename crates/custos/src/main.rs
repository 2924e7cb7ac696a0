//! `custos`: parses the command line, sets up logging, and hands over to `custos_server::run`.

mod admin;

use anyhow::Context;
use custos_server::config::{Config, LogFormat};
use std::path::PathBuf;
use tracing_subscriber::EnvFilter;

const USAGE_TEMPLATE: &str = "\
Usage: custos <command> [options]

Commands:
  serve [--config FILE]   Start the service (settings: config/default.toml, FILE or CUSTOS_CONFIG, environment)
{ADMIN}
  help                    Show this help
  version                 Show the version

Environment: CUSTOS_LISTEN, CUSTOS_DATABASE_URL, CUSTOS_MODEL_DIR, CUSTOS_BOOTSTRAP_KEY, CUSTOS_ADMIN_KEY,
CUSTOS__SECTION__KEY. `admin` reads the same configuration (at least the database URL).";

fn usage() -> String {
    USAGE_TEMPLATE.replace("{ADMIN}", admin::USAGE)
}

fn main() -> std::process::ExitCode {
    match real_main() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("custos: error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn real_main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("serve") => serve(&args[1..]),
        Some("admin") => {
            let config = Config::load(std::env::var_os("CUSTOS_CONFIG").map(PathBuf::from).as_deref(), std::env::vars())?;
            let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
            runtime.block_on(admin::run(&config, &args[1..]))
        }
        Some("version" | "--version" | "-V") => {
            println!("custos {}", env!("CARGO_PKG_VERSION"));
            Ok(())
        }
        Some("help" | "--help" | "-h") | None => {
            println!("{}", usage());
            Ok(())
        }
        Some(other) => anyhow::bail!("unknown command '{other}'\n\n{}", usage()),
    }
}

fn serve(args: &[String]) -> anyhow::Result<()> {
    let mut config_file: Option<PathBuf> = std::env::var_os("CUSTOS_CONFIG").map(PathBuf::from);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--config" => config_file = Some(it.next().context("--config needs a file")?.into()),
            other => anyhow::bail!("unknown option '{other}'\n\n{}", usage()),
        }
    }
    let config = Config::load(config_file.as_deref(), std::env::vars())?;
    let filter = EnvFilter::try_from_default_env()
        .or_else(|_| EnvFilter::try_new(&config.log.level))
        .context("log.level is not a valid filter")?;
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).with_ansi(ansi);
    match config.log.format {
        LogFormat::Json => builder.json().init(),
        LogFormat::Text => builder.init(),
    }
    custos_server::install_panic_hook();
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(custos_server::run(config, shutdown_signal(), |_| {}))
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
    tracing::info!("shutting down");
}
