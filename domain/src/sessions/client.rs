//! What a session keeps about the client: a short user-agent summary and the
//! network prefix (`/24` for IPv4, `/48` for IPv6): enough for a person to tell
//! their sessions apart, not enough to track them.

use std::net::IpAddr;

/// The client a sign-in came from, reduced to what is kept.
#[derive(Debug, Clone, Default)]
pub struct Client {
    /// E.g. "Firefox on Linux".
    pub user_agent: Option<String>,
    /// E.g. "203.0.113.0/24".
    pub ip_prefix: Option<String>,
}

impl Client {
    /// Summarizes a `User-Agent` header and a peer address.
    pub fn new(user_agent: Option<&str>, address: Option<IpAddr>) -> Self {
        Self {
            user_agent: user_agent.map(summarize),
            ip_prefix: address.map(prefix),
        }
    }
}

fn summarize(header: &str) -> String {
    // Order matters: Edge and Chrome also say "Safari", Edge also says "Chrome".
    let browser = [
        ("Edg/", "Edge"),
        ("Firefox/", "Firefox"),
        ("Chrome/", "Chrome"),
        ("Safari/", "Safari"),
        ("curl/", "curl"),
        ("reqwest", "reqwest"),
    ]
    .into_iter()
    .find(|(needle, _)| header.contains(needle))
    .map_or("Other client", |(_, name)| name);
    let system = [
        ("Android", "Android"),
        ("iPhone", "iOS"),
        ("iPad", "iOS"),
        ("Windows", "Windows"),
        ("Mac OS X", "macOS"),
        ("Linux", "Linux"),
    ]
    .into_iter()
    .find(|(needle, _)| header.contains(needle))
    .map(|(_, name)| name);
    match system {
        Some(system) => format!("{browser} on {system}"),
        None => browser.to_string(),
    }
}

fn prefix(address: IpAddr) -> String {
    match address {
        IpAddr::V4(v4) => {
            let [a, b, c, _] = v4.octets();
            format!("{a}.{b}.{c}.0/24")
        }
        IpAddr::V6(v6) => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}::/48", s[0], s[1], s[2])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_a_summary_and_a_prefix_only() {
        let client = Client::new(
            Some("Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0"),
            "203.0.113.77".parse().ok(),
        );
        assert_eq!(client.user_agent.as_deref(), Some("Firefox on Linux"));
        assert_eq!(client.ip_prefix.as_deref(), Some("203.0.113.0/24"));
        let v6 = Client::new(None, "2001:db8:1:2::9".parse().ok());
        assert_eq!(v6.ip_prefix.as_deref(), Some("2001:db8:1::/48"));
    }
}
