//! The address guard: which IPs are public, and a DNS resolver that returns only those.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

use reqwest::dns::{Addrs, Name, Resolve, Resolving};

use crate::AddressPolicy;

/// True for addresses on the public internet: not loopback, private (RFC 1918, ULA),
/// link-local, CGNAT, multicast, documentation, benchmarking, reserved or unspecified, and not
/// an IPv4-mapped or NAT64 form of one of those.
#[must_use]
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => is_public_v6(v6),
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    !(a == 0                                   // "this network"
        || a == 10                             // private
        || a == 127                            // loopback
        || (a == 100 && (64..128).contains(&b)) // CGNAT
        || (a == 169 && b == 254)              // link-local
        || (a == 172 && (16..32).contains(&b)) // private
        || (a == 192 && b == 0 && c == 0)      // IETF protocol assignments
        || (a == 192 && b == 0 && c == 2)      // documentation
        || (a == 192 && b == 88 && c == 99)    // 6to4 relay
        || (a == 192 && b == 168)              // private
        || (a == 198 && (18..20).contains(&b)) // benchmarking
        || (a == 198 && b == 51 && c == 100)   // documentation
        || (a == 203 && b == 0 && c == 113)    // documentation
        || a >= 224) // multicast, reserved, broadcast
}

fn is_public_v6(ip: Ipv6Addr) -> bool {
    if let Some(v4) = ip.to_ipv4_mapped() {
        return is_public_v4(v4);
    }
    let s = ip.segments();
    // NAT64 (64:ff9b::/96) carries an IPv4 address in its last 32 bits.
    if s[0] == 0x64 && s[1] == 0xff9b && s[2..6] == [0, 0, 0, 0] {
        let v4 = Ipv4Addr::new((s[6] >> 8) as u8, s[6] as u8, (s[7] >> 8) as u8, s[7] as u8);
        return is_public_v4(v4);
    }
    !(ip.is_unspecified()
        || ip.is_loopback()
        || (s[0] & 0xfe00) == 0xfc00                  // unique local
        || (s[0] & 0xffc0) == 0xfe80                  // link-local
        || (s[0] & 0xffc0) == 0xfec0                  // site-local (deprecated)
        || (s[0] & 0xff00) == 0xff00                  // multicast
        || (s[0] == 0x2001 && s[1] == 0x0db8)         // documentation
        || (s[0] == 0x0100 && s[1..4] == [0, 0, 0])   // discard
        || (s[0] == 0x2002)                           // 6to4: may wrap a private IPv4
        || s[0] == 0 && s[1..6] == [0, 0, 0, 0, 0]) // IPv4-compatible (deprecated)
}

/// True for link-local addresses (169.254.0.0/16, fe80::/10) and the cloud providers'
/// instance metadata addresses (fd00:ec2::254, 100.100.100.200, 192.0.0.192), in any of their
/// IPv6 forms: where a server's credentials are, never reachable by opening private networks.
#[must_use]
pub fn is_link_local_or_metadata(ip: IpAddr) -> bool {
    let v4 = |v4: Ipv4Addr| {
        let [a, b, c, d] = v4.octets();
        (a == 169 && b == 254) || [a, b, c, d] == [100, 100, 100, 200] || [a, b, c, d] == [192, 0, 0, 192]
    };
    match ip {
        IpAddr::V4(a) => v4(a),
        IpAddr::V6(a) => {
            if let Some(mapped) = a.to_ipv4_mapped() {
                return v4(mapped);
            }
            let s = a.segments();
            if s[0] == 0x64 && s[1] == 0xff9b && s[2..6] == [0, 0, 0, 0] {
                return v4(Ipv4Addr::new((s[6] >> 8) as u8, s[6] as u8, (s[7] >> 8) as u8, s[7] as u8));
            }
            (s[0] & 0xffc0) == 0xfe80 || s == [0xfd00, 0x0ec2, 0, 0, 0, 0, 0, 0x0254]
        }
    }
}

/// Whether `policy` lets a request reach `ip`. Addresses in `named` (the operator's list of
/// link-local and metadata addresses to allow) are reached whatever the policy.
pub(crate) fn allowed(policy: AddressPolicy, ip: IpAddr, named: &[IpAddr]) -> bool {
    if named.contains(&ip) {
        return true;
    }
    match policy {
        AddressPolicy::Any => !is_link_local_or_metadata(ip),
        AddressPolicy::PublicOnly => is_public(ip),
        AddressPolicy::PublicAndLoopback => is_public(ip) || ip.is_loopback(),
    }
}

/// Resolves with the system resolver and drops every address the policy refuses; when none
/// is left the connection fails with a refusal. Because the HTTP client connects only to what
/// this returns, a host name cannot smuggle a private address past the check.
#[derive(Debug, Clone)]
pub(crate) struct GuardedResolver {
    pub policy: AddressPolicy,
    pub named: std::sync::Arc<[IpAddr]>,
}

/// The message a refused resolution carries, recognised by the client to report
/// [`crate::FetchError::PrivateAddress`].
pub(crate) const REFUSED_MARK: &str = "newsdesk-refused-private-address";

impl Resolve for GuardedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let policy = self.policy;
        let named = std::sync::Arc::clone(&self.named);
        Box::pin(async move {
            let host = name.as_str().to_owned();
            let addrs: Vec<SocketAddr> = tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            let kept: Vec<SocketAddr> = addrs.iter().copied().filter(|a| allowed(policy, a.ip(), &named)).collect();
            if kept.is_empty() && !addrs.is_empty() {
                return Err(format!("{REFUSED_MARK}: {host} resolves to {}", addrs[0].ip()).into());
            }
            let iter: Addrs = Box::new(kept.into_iter());
            Ok(iter)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn non_public_addresses_are_recognised() {
        for s in [
            "127.0.0.1",
            "127.8.9.10",
            "10.1.2.3",
            "172.16.0.1",
            "172.31.255.255",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "100.127.255.254",
            "0.0.0.0",
            "224.0.0.1",
            "255.255.255.255",
            "192.0.2.7",
            "198.18.0.1",
            "::1",
            "::",
            "fc00::1",
            "fd12:3456::1",
            "fe80::1",
            "ff02::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "64:ff9b::a00:1",
            "2001:db8::1",
            "2002:a00:1::1",
        ] {
            assert!(!is_public(ip(s)), "{s} must not be public");
        }
    }

    #[test]
    fn public_addresses_pass() {
        for s in [
            "93.184.216.34",
            "8.8.8.8",
            "172.32.0.1",
            "100.128.0.1",
            "2606:4700::1111",
            "::ffff:93.184.216.34",
            "64:ff9b::808:808",
        ] {
            assert!(is_public(ip(s)), "{s} is public");
        }
    }

    #[test]
    fn policies() {
        assert!(!allowed(AddressPolicy::PublicOnly, ip("127.0.0.1"), &[]));
        assert!(allowed(AddressPolicy::PublicAndLoopback, ip("127.0.0.1"), &[]));
        assert!(!allowed(AddressPolicy::PublicAndLoopback, ip("10.0.0.1"), &[]));
        assert!(allowed(AddressPolicy::Any, ip("10.0.0.1"), &[]));
        // Private networks opened: link-local and metadata addresses stay shut, in every form,
        // unless named one by one.
        for shut in [
            "169.254.169.254",
            "169.254.0.1",
            "fe80::1",
            "fd00:ec2::254",
            "100.100.100.200",
            "192.0.0.192",
            "::ffff:169.254.169.254",
            "64:ff9b::a9fe:a9fe",
        ] {
            assert!(!allowed(AddressPolicy::Any, ip(shut), &[]), "{shut}");
        }
        assert!(allowed(AddressPolicy::Any, ip("169.254.10.1"), &[ip("169.254.10.1")]));
        assert!(!allowed(AddressPolicy::Any, ip("169.254.169.254"), &[ip("169.254.10.1")]));
        assert!(allowed(AddressPolicy::Any, ip("100.100.100.1"), &[]), "the rest of CGNAT is a private network");
    }

    #[tokio::test]
    async fn the_resolver_refuses_names_of_private_addresses() {
        let resolver = GuardedResolver { policy: AddressPolicy::PublicOnly, named: Vec::new().into() };
        let name: Name = "localhost".parse().unwrap();
        let err = resolver.resolve(name).await.err().expect("localhost is refused");
        assert!(err.to_string().contains(REFUSED_MARK), "{err}");
        let loopback_ok = GuardedResolver { policy: AddressPolicy::PublicAndLoopback, named: Vec::new().into() };
        let addrs: Vec<_> = loopback_ok.resolve("localhost".parse().unwrap()).await.unwrap().collect();
        assert!(addrs.iter().all(|a| a.ip().is_loopback()) && !addrs.is_empty());
    }
}
