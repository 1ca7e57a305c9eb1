//! Where a webhook may point (SSRF protection). A URL must be http(s) and every
//! address its host resolves to must be public: loopback, private (RFC 1918,
//! fc00::/7), link-local, unspecified, broadcast, CGNAT (100.64/10) and cloud
//! metadata addresses are refused, unless the operator allows private targets
//! (`FAIRHIRE_WEBHOOK_ALLOW_PRIVATE=true`, for tests and closed networks).
//!
//! The check runs at creation and again before each delivery, on the addresses
//! the deliverer then connects to (it pins them), so a name that is re-pointed at
//! an internal address after creation is still refused.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

/// Why a target is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TargetError {
    /// Not an absolute http(s) URL with a host.
    #[error("must be an http:// or https:// URL with a host")]
    BadUrl,
    /// The host name does not resolve.
    #[error("the host {0} does not resolve")]
    Unresolvable(String),
    /// The host resolves to an address webhooks may not reach.
    #[error("the host resolves to a {kind} address ({address}), which webhooks may not reach")]
    Forbidden {
        /// The refused address.
        address: IpAddr,
        /// What kind of address it is.
        kind: &'static str,
    },
}

/// A URL checked for delivery: the host to name in the request and the addresses
/// to connect to.
#[derive(Debug, Clone)]
pub struct Target {
    /// The parsed URL.
    pub url: url::Url,
    /// The host as written (for TLS and the `Host` header).
    pub host: String,
    /// The resolved addresses, all allowed.
    pub addresses: Vec<SocketAddr>,
}

/// Parses `raw` as an http(s) URL with a host.
pub fn parse_url(raw: &str) -> Result<url::Url, TargetError> {
    let url = url::Url::parse(raw.trim()).map_err(|_| TargetError::BadUrl)?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none_or(str::is_empty) {
        return Err(TargetError::BadUrl);
    }
    // Credentials in the URL would be sent to the receiver and shown in lists.
    if !url.username().is_empty() || url.password().is_some() {
        return Err(TargetError::BadUrl);
    }
    Ok(url)
}

/// Parses and resolves `raw`, refusing it when any address is not allowed.
pub async fn resolve(raw: &str, allow_private: bool) -> Result<Target, TargetError> {
    let url = parse_url(raw)?;
    let port = url.port_or_known_default().ok_or(TargetError::BadUrl)?;
    let host = match url.host() {
        Some(url::Host::Domain(name)) => name.to_string(),
        Some(url::Host::Ipv4(ip)) => ip.to_string(),
        Some(url::Host::Ipv6(ip)) => ip.to_string(),
        None => return Err(TargetError::BadUrl),
    };
    let addresses: Vec<SocketAddr> = match url.host() {
        Some(url::Host::Ipv4(ip)) => vec![SocketAddr::new(IpAddr::V4(ip), port)],
        Some(url::Host::Ipv6(ip)) => vec![SocketAddr::new(IpAddr::V6(ip), port)],
        _ => tokio::net::lookup_host((host.as_str(), port))
            .await
            .map_err(|_| TargetError::Unresolvable(host.clone()))?
            .collect(),
    };
    if addresses.is_empty() {
        return Err(TargetError::Unresolvable(host));
    }
    if !allow_private {
        for address in &addresses {
            if let Some(kind) = forbidden_kind(address.ip()) {
                return Err(TargetError::Forbidden {
                    address: address.ip(),
                    kind,
                });
            }
        }
    }
    Ok(Target { url, host, addresses })
}

/// What kind of non-public address `ip` is, or `None` when webhooks may reach it.
pub fn forbidden_kind(ip: IpAddr) -> Option<&'static str> {
    match ip {
        IpAddr::V4(v4) => forbidden_v4(v4),
        IpAddr::V6(v6) => {
            // An IPv4-mapped or -compatible address reaches the IPv4 host.
            if let Some(v4) = v6.to_ipv4_mapped() {
                return forbidden_v4(v4);
            }
            forbidden_v6(v6)
        }
    }
}

fn forbidden_v4(ip: Ipv4Addr) -> Option<&'static str> {
    let [a, b, ..] = ip.octets();
    if ip == Ipv4Addr::new(169, 254, 169, 254) {
        Some("cloud metadata")
    } else if ip.is_loopback() {
        Some("loopback")
    } else if ip.is_private() {
        Some("private")
    } else if ip.is_link_local() {
        Some("link-local")
    } else if ip.is_unspecified() || a == 0 {
        Some("unspecified")
    } else if ip.is_broadcast() {
        Some("broadcast")
    } else if a == 100 && (64..128).contains(&b) {
        Some("shared (CGNAT)")
    } else if ip.is_multicast() || a >= 240 {
        Some("reserved")
    } else {
        None
    }
}

fn forbidden_v6(ip: Ipv6Addr) -> Option<&'static str> {
    let first = ip.segments()[0];
    if ip == Ipv6Addr::new(0xfd00, 0xec2, 0, 0, 0, 0, 0, 0x254) {
        Some("cloud metadata")
    } else if ip.is_loopback() {
        Some("loopback")
    } else if ip.is_unspecified() {
        Some("unspecified")
    } else if first & 0xfe00 == 0xfc00 {
        Some("private")
    } else if first & 0xffc0 == 0xfe80 {
        Some("link-local")
    } else if ip.is_multicast() {
        Some("reserved")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(raw: &str) -> Option<&'static str> {
        forbidden_kind(raw.parse().unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED)))
    }

    #[test]
    fn internal_ranges_are_refused_and_public_ones_allowed() {
        for (ip, expected) in [
            ("127.0.0.1", "loopback"),
            ("10.1.2.3", "private"),
            ("172.16.0.1", "private"),
            ("192.168.1.1", "private"),
            ("169.254.169.254", "cloud metadata"),
            ("169.254.1.1", "link-local"),
            ("0.0.0.0", "unspecified"),
            ("255.255.255.255", "broadcast"),
            ("100.64.0.1", "shared (CGNAT)"),
            ("::1", "loopback"),
            ("::", "unspecified"),
            ("fc00::1", "private"),
            ("fd12::1", "private"),
            ("fe80::1", "link-local"),
            ("fd00:ec2::254", "cloud metadata"),
            ("::ffff:127.0.0.1", "loopback"),
        ] {
            assert_eq!(kind(ip), Some(expected), "{ip}");
        }
        for ip in ["93.184.216.34", "100.128.0.1", "8.8.8.8", "2606:4700::1111"] {
            assert_eq!(kind(ip), None, "{ip}");
        }
    }

    #[test]
    fn only_http_urls_with_a_host() {
        assert!(parse_url("https://example.org/hook").is_ok());
        for bad in [
            "ftp://example.org",
            "file:///etc/passwd",
            "not a url",
            "https://user:pw@example.org",
        ] {
            assert_eq!(parse_url(bad).err(), Some(TargetError::BadUrl), "{bad}");
        }
    }

    #[tokio::test]
    async fn a_name_resolving_to_loopback_is_refused_unless_allowed() {
        let refused = resolve("http://localhost:9/x", false).await;
        assert!(matches!(
            refused,
            Err(TargetError::Forbidden { kind: "loopback", .. })
        ));
        assert!(resolve("http://localhost:9/x", true).await.is_ok());
        assert!(matches!(
            resolve("http://127.0.0.1:9/x", false).await,
            Err(TargetError::Forbidden { .. })
        ));
    }
}
