//! `fairhire`: the one binary. `serve` (the default) runs the portal, the API and
//! the job worker in one process; `api` and `worker` run them apart for production;
//! `migrate` applies the schema; `demo` seeds a demonstration company; `rescore
//! --all` queues a re-score of every supplier (after an upgrade of the scoring model);
//! `screening-lists load` stores a newer edition of a public forced-labour list.

use std::{path::PathBuf, process::ExitCode};

use clap::{Parser, Subcommand};
use fairhire::{
    config::Settings,
    database, demo,
    startup::{Application, Mode},
    telemetry,
};

#[derive(Parser)]
#[command(
    name = "fairhire",
    version,
    about = "Ethical-recruitment and supply-chain audit platform"
)]
struct Cli {
    /// A TOML file with settings (keys are the FAIRHIRE_* names, lower-cased, without the prefix).
    #[arg(long, global = true)]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Clone)]
enum Command {
    /// Migrate, then serve portal + API and run the worker in one process (the default).
    Serve,
    /// The HTTP server alone.
    Api,
    /// The job worker alone.
    Worker,
    /// Apply pending migrations and exit.
    Migrate,
    /// Seed a demonstration company (idempotent) and print its logins.
    Demo,
    /// Queue a re-score of suppliers' latest scored assessments with the current
    /// scoring model (run `fairhire rescore --all` after an upgrade).
    Rescore {
        /// Every supplier of every company that has a scored assessment.
        #[arg(long)]
        all: bool,
    },
    /// The public forced-labour lists suppliers and recruiters are screened against.
    #[command(subcommand)]
    ScreeningLists(ListsCommand),
}

#[derive(Subcommand, Clone)]
enum ListsCommand {
    /// Store a newer edition of a list from a CSV file (see domain/data/screening/README.md)
    /// and screen every supplier and recruiter against it.
    Load {
        /// `uflpa_entity_list`, `ilab_goods` or `cbp_wro`.
        key: String,
        /// The list file.
        file: PathBuf,
    },
}

fn main() -> ExitCode {
    // Before any thread starts, so that every large buffer is returned when freed.
    let returns_memory = fairhire::allocator::return_large_allocations_when_freed();
    let cli = Cli::parse();
    let mut settings = match Settings::load(cli.config.as_deref()) {
        Ok(settings) => settings,
        Err(error) => {
            eprintln!("fairhire: {error}");
            return ExitCode::from(2);
        }
    };
    // Before anything reads a country's risk, so every answer uses the same table.
    if let Some(table) = settings.country_risk_table.take()
        && let Err(message) = domain::reference::countries::install(table)
    {
        eprintln!("fairhire: FAIRHIRE_COUNTRY_RISK_FILE: {message}");
        return ExitCode::from(2);
    }
    telemetry::init(&settings);
    if let Some(path) = &settings.country_risk_file {
        tracing::info!(path = %path.display(), "country risk table read from FAIRHIRE_COUNTRY_RISK_FILE");
    }
    if !returns_memory {
        tracing::warn!("the allocator kept its moving mmap threshold: memory may grow across large uploads");
    }
    let command = cli.command.unwrap_or(Command::Serve);
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("fairhire: cannot start the async runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    // actix-web's server needs a LocalSet-capable system; run it on actix's runtime.
    let result = match command {
        Command::Serve | Command::Api | Command::Worker => {
            actix_web::rt::System::new().block_on(run(settings, command))
        }
        Command::Migrate => runtime.block_on(migrate(settings)),
        Command::Demo => runtime.block_on(seed_demo(settings)),
        Command::Rescore { all } => runtime.block_on(rescore(settings, all)),
        Command::ScreeningLists(ListsCommand::Load { key, file }) => {
            runtime.block_on(load_screening_list(settings, key, file))
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("fairhire: {error:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(settings: Settings, command: Command) -> anyhow::Result<()> {
    let mode = match command {
        Command::Api => Mode::Api,
        Command::Worker => Mode::Worker,
        _ => Mode::Serve,
    };
    let app = Application::build(&settings, mode).await?;
    if let Some(address) = app.address() {
        println!("listening on http://{address}");
        tracing::info!(%address, "listening");
    } else {
        println!("worker running");
    }
    if let Some(address) = app.metrics_address() {
        println!("metrics on http://{address}/metrics");
    }
    app.run_until_stopped().await
}

async fn migrate(settings: Settings) -> anyhow::Result<()> {
    let db = database::connect(&settings).await?;
    database::migrate(&db).await?;
    println!("migrations applied");
    Ok(())
}

async fn rescore(settings: Settings, all: bool) -> anyhow::Result<()> {
    if !all {
        anyhow::bail!(
            "say which suppliers: `fairhire rescore --all` re-scores every supplier with a scored assessment"
        );
    }
    let db = database::connect(&settings).await?;
    let queued = fairhire::rescore::rescore_all(&db).await?;
    println!(
        "queued {queued} re-scoring job(s), one per supplier with a scored assessment; the worker runs them"
    );
    Ok(())
}

async fn load_screening_list(settings: Settings, key: String, file: PathBuf) -> anyhow::Result<()> {
    let text = std::fs::read_to_string(&file).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
    let db = database::connect(&settings).await?;
    database::migrate(&db).await?;
    let loaded = fairhire::screening_lists::load(&db, &key, &text).await?;
    println!(
        "{key}: {} entries stored; {} new screening hit(s) raised",
        loaded.entries, loaded.new_hits
    );
    Ok(())
}

async fn seed_demo(settings: Settings) -> anyhow::Result<()> {
    let db = database::connect(&settings).await?;
    database::migrate(&db).await?;
    let files = domain::files::FileStore::from_url(&settings.storage_url)
        .map_err(|m| anyhow::anyhow!("FAIRHIRE_STORAGE_URL: {m}"))?;
    let logins = demo::seed(&db, &settings.public_url, &files).await?;
    println!("Demo company ready. Log in at {} with:", settings.public_url);
    for login in logins {
        println!(
            "  {:<9} {:<32} password: {}",
            login.role, login.email, login.password
        );
    }
    Ok(())
}
