//! (internal, for profiling) A seeded database served by the release `fairhire
//! api`, left running so that a profiler can be attached to it (issue #23): the
//! list path is measured from outside with `perf stat -p` / `perf record -p`
//! while `wrk` drives it, and instructions per request are load-independent
//! where requests per second on a shared machine are not.

use std::path::Path;

use anyhow::Context;

use crate::env::{self, BenchDb, DbKind, Server};

/// Seeds `size` suppliers (as `seeded` does), starts `fairhire api`, writes what
/// a driver needs (`PID`, `URL`, `LIST`, `ASSESSMENTS`: the assessment list,
/// whose every assessment is answered, `ME`, `TOKEN`, `COMPANY`, `DB_URL`, and
/// `SAVE_SCRIPT`, wrk's script that saves answers, as the harness's save load
/// does) to
/// `{scratch}/list-profile-{db}.env` and serves until the file
/// `{scratch}/list-profile.stop` appears (at most an hour).
pub async fn serve(kind: DbKind, size: usize, scratch: &Path) -> anyhow::Result<()> {
    let fx_csv = crate::feegen::fx_rates_csv(chrono::Utc::now().date_naive());
    let db = BenchDb::fresh(kind, scratch, &format!("lp{size}")).await?;
    let server = Server::spawn(&db, "api")?;
    let mut seeded = env::seed_company(&db, &server, &fx_csv).await?;
    // 16 open assessments, as the harness seeds them for its save load.
    env::seed_suppliers(&db, &mut seeded, size, 16).await?;
    let save_script = crate::load::answers_script(&db.dir, &seeded.supplier_token, &seeded.open_assessments)?;
    let list = server.url(&format!(
        "/api/v1/companies/{}/suppliers?per_page=50",
        seeded.company_id
    ));
    let assessments = server.url(&format!(
        "/api/v1/companies/{}/assessments?per_page=50",
        seeded.company_id
    ));
    let text = format!(
        "PID={}\nURL={}\nLIST='{list}'\nASSESSMENTS='{assessments}'\nME={}\nTOKEN={}\nCOMPANY={}\nDB_URL='{}'\nSAVE_SCRIPT='{}'\n",
        server.pid(),
        server.url(""),
        server.url("/api/v1/me"),
        seeded.admin_token,
        seeded.company_id,
        db.url,
        save_script.display(),
    );
    let out = scratch.join(format!("list-profile-{}.env", kind.label().to_lowercase()));
    std::fs::write(&out, text).with_context(|| format!("writing {}", out.display()))?;
    eprintln!("serving; driver settings in {}", out.display());
    let stop = scratch.join("list-profile.stop");
    let started = std::time::Instant::now();
    while !stop.exists() && started.elapsed() < std::time::Duration::from_secs(3600) {
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    }
    server.stop();
    db.drop_db().await
}
