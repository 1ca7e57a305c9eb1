//! People and their organizations: registering a company, finding a user to log
//! in, inviting and accepting invitations, withdrawing them and removing members.

mod invitations;
mod members;
pub mod password;
mod password_reset;
mod register;
mod team;

pub use invitations::{AcceptInvitation, INVITATION_TTL_DAYS, Invite, accept_invitation, invite};
pub use members::{LAST_ADMIN, remove_member, withdraw_invitation};
pub use password_reset::{RESET_TTL_MINUTES, complete_password_reset, request_password_reset, usable_reset};
pub use register::{RegisterCompany, Registered, find_user_by_email, register_company};
pub use team::{Team, company, invite_to_company, managed_company, remove_user, team};
