//! The domain jobs: thin handlers that parse the payload (ids only) and call the
//! domain use case, which does its work in one transaction.

mod score_assessment;

use crate::runner::Runner;

/// Registers every domain job on the runner.
pub fn register(runner: &mut Runner) {
    runner.register(domain::jobs::kind::SCORE_ASSESSMENT, score_assessment::run);
}
