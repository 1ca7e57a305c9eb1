//! People and their organizations: registering a company, finding a user to log
//! in, inviting and accepting invitations.

mod invitations;
pub mod password;
mod register;

pub use invitations::{AcceptInvitation, INVITATION_TTL_DAYS, Invite, accept_invitation, invite};
pub use register::{RegisterCompany, Registered, find_user_by_email, register_company};
