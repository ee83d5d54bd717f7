//! The reader's address, for the per-address limits (comments, sign-in) and their log lines.
//!
//! The TCP peer is the reader unless it is one of the operator's `web.trusted_proxies`. Only
//! then are `Forwarded` (RFC 7239) or, without it, `X-Forwarded-For` believed, and only as far
//! as the chain of trusted proxies reaches: the hops are read from the right (the one our proxy
//! added) and the first address that is not a trusted proxy is the reader. Anything a client
//! wrote further left is its own claim and is ignored, so a reader cannot pick its address by
//! sending the header itself. A hop that is not an address ("unknown", an obfuscated name)
//! ends the walk at the last address known.

use std::net::{IpAddr, SocketAddr};

use axum::http::HeaderMap;
use ipnet::IpNet;

/// At most this many hops are read from the forwarding headers.
const MAX_HOPS: usize = 32;

/// The reader's address: the peer, or what the trusted proxies in front of it say.
pub(crate) fn client_address(peer: Option<IpAddr>, headers: &HeaderMap, trusted: &[IpNet]) -> Option<IpAddr> {
    let peer = peer.map(|ip| ip.to_canonical())?;
    if !is_trusted(peer, trusted) {
        return Some(peer);
    }
    let hops = forwarded_hops(headers);
    let mut reader = peer;
    for hop in hops.iter().rev().take(MAX_HOPS) {
        let Some(ip) = hop else { break };
        reader = ip.to_canonical();
        if !is_trusted(reader, trusted) {
            break;
        }
    }
    Some(reader)
}

fn is_trusted(ip: IpAddr, trusted: &[IpNet]) -> bool {
    trusted.iter().any(|net| net.contains(&ip))
}

/// The hops of `Forwarded` when it is present, else of `X-Forwarded-For`, left to right
/// (every header line in order); `None` for a hop that names no address.
fn forwarded_hops(headers: &HeaderMap) -> Vec<Option<IpAddr>> {
    let forwarded: Vec<&str> = headers.get_all("forwarded").iter().filter_map(|v| v.to_str().ok()).collect();
    if !forwarded.is_empty() {
        return forwarded
            .iter()
            .flat_map(|line| line.split(','))
            .map(|element| {
                element
                    .split(';')
                    .filter_map(|pair| pair.split_once('='))
                    .find(|(name, _)| name.trim().eq_ignore_ascii_case("for"))
                    .and_then(|(_, value)| parse_hop(value))
            })
            .collect();
    }
    headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|line| line.split(','))
        .map(parse_hop)
        .collect()
}

/// One hop: `192.0.2.1`, `192.0.2.1:4711`, `2001:db8::1`, `[2001:db8::1]:4711`, quoted or not.
fn parse_hop(raw: &str) -> Option<IpAddr> {
    let value = raw.trim().trim_matches('"').trim();
    if let Ok(ip) = value.parse::<IpAddr>() {
        return Some(ip);
    }
    if let Ok(socket) = value.parse::<SocketAddr>() {
        return Some(socket.ip());
    }
    value.strip_prefix('[').and_then(|rest| rest.split(']').next()).and_then(|inner| inner.parse().ok())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(*name, value.parse().unwrap());
        }
        map
    }

    fn nets(list: &[&str]) -> Vec<IpNet> {
        list.iter().map(|n| n.parse().unwrap()).collect()
    }

    fn ip(s: &str) -> Option<IpAddr> {
        Some(s.parse().unwrap())
    }

    #[test]
    fn an_untrusted_peer_is_the_reader_whatever_it_claims() {
        let claimed = headers(&[("x-forwarded-for", "198.51.100.7"), ("forwarded", "for=198.51.100.8")]);
        assert_eq!(client_address(ip("203.0.113.9"), &claimed, &[]), ip("203.0.113.9"));
        assert_eq!(client_address(ip("203.0.113.9"), &claimed, &nets(&["10.0.0.0/8"])), ip("203.0.113.9"));
        assert_eq!(client_address(None, &claimed, &nets(&["10.0.0.0/8"])), None);
    }

    #[test]
    fn a_trusted_proxy_names_the_reader_and_a_forged_left_part_is_ignored() {
        let trusted = nets(&["10.0.0.0/8", "127.0.0.1/32"]);
        let one = headers(&[("x-forwarded-for", "198.51.100.7")]);
        assert_eq!(client_address(ip("10.1.2.3"), &one, &trusted), ip("198.51.100.7"));
        // The reader sent "1.2.3.4" itself; our proxy appended the address it saw.
        let forged = headers(&[("x-forwarded-for", "1.2.3.4, 198.51.100.7")]);
        assert_eq!(client_address(ip("10.1.2.3"), &forged, &trusted), ip("198.51.100.7"));
        // Two proxies of ours: the walk passes both.
        let chain = headers(&[("x-forwarded-for", "1.2.3.4, 198.51.100.7, 10.9.9.9")]);
        assert_eq!(client_address(ip("127.0.0.1"), &chain, &trusted), ip("198.51.100.7"));
        // Split over two header lines, and with ports.
        let lines = headers(&[("x-forwarded-for", "1.2.3.4"), ("x-forwarded-for", "198.51.100.7:4711")]);
        assert_eq!(client_address(ip("10.1.2.3"), &lines, &trusted), ip("198.51.100.7"));
    }

    #[test]
    fn forwarded_wins_over_x_forwarded_for_and_reads_every_form() {
        let trusted = nets(&["10.0.0.0/8"]);
        let both = headers(&[
            ("x-forwarded-for", "192.0.2.1"),
            ("forwarded", "for=192.0.2.60;proto=http;by=10.0.0.1, For=\"[2001:db8:cafe::17]:4711\""),
        ]);
        assert_eq!(client_address(ip("10.0.0.1"), &both, &trusted), ip("2001:db8:cafe::17"));
        let v4 = headers(&[("forwarded", "for=\"192.0.2.60:8080\"")]);
        assert_eq!(client_address(ip("10.0.0.1"), &v4, &trusted), ip("192.0.2.60"));
    }

    #[test]
    fn a_hop_without_an_address_ends_the_walk_at_the_last_one_known() {
        let trusted = nets(&["10.0.0.0/8"]);
        let hidden = headers(&[("forwarded", "for=_hidden, for=10.0.0.2")]);
        assert_eq!(client_address(ip("10.0.0.1"), &hidden, &trusted), ip("10.0.0.2"));
        let junk = headers(&[("x-forwarded-for", "unknown")]);
        assert_eq!(client_address(ip("10.0.0.1"), &junk, &trusted), ip("10.0.0.1"));
        let none = HeaderMap::new();
        assert_eq!(client_address(ip("10.0.0.1"), &none, &trusted), ip("10.0.0.1"));
    }

    #[test]
    fn an_ipv4_peer_seen_through_ipv6_is_matched_as_ipv4() {
        let trusted = nets(&["127.0.0.1/32"]);
        let one = headers(&[("x-forwarded-for", "::ffff:198.51.100.7")]);
        assert_eq!(client_address(ip("::ffff:127.0.0.1"), &one, &trusted), ip("198.51.100.7"));
    }
}
