//! Masking of personal data the service can detect, applied to text before it is kept as a sample.
//!
//! Detected, in this order (earlier patterns win, so an e-mail inside a URL is masked with the URL):
//! - URLs carrying a secret: a query parameter named like a credential (`token`, `key`, `secret`, `password`,
//!   `sig`, ...) or a long random-looking path segment (≥ 20 characters with letters and digits) → `[URL]`.
//!   Other URLs are kept.
//! - E-mail addresses → `[EMAIL]`.
//! - IBANs (country code, check digits, 11–30 alphanumerics, spaces allowed; mod-97 valid) → `[IBAN]`.
//! - Payment card numbers (13–19 digits, spaces or dashes allowed; Luhn valid) → `[CARD]`. Digit runs that fail
//!   Luhn are left alone here (they may still be masked as phone numbers).
//! - IPv6 (validated by `std::net::Ipv6Addr`) and IPv4 addresses → `[IP]`.
//! - Phone numbers: international (`+` and 7–15 digits) or North-American style `(555) 123-4567` → `[PHONE]`.
//!
//! Pure Rust (the `regex` crate); everything else in the text is kept as is. This is best effort: names, street
//! addresses and free-form identifiers are not detected, which is why samples are also sealed, opt-in and audited.

use regex::{Captures, Regex};
use std::sync::OnceLock;

struct Patterns {
    url: Regex,
    email: Regex,
    iban: Regex,
    card: Regex,
    ipv6: Regex,
    ipv4: Regex,
    phone: Regex,
    secret_param: Regex,
    token_segment: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let re = |s: &str| Regex::new(s).expect("static PII pattern");
        Patterns {
            url: re(r#"(?i)\b(?:https?|ftp)://[^\s<>"'`]+"#),
            email: re(r"(?i)\b[a-z0-9._%+\-]+@[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.[a-z]{2,}\b"),
            iban: re(r"\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]){11,30}\b"),
            card: re(r"\b[0-9](?:[ \-]?[0-9]){12,18}\b"),
            ipv6: re(r"(?i)(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?:%[0-9a-z]+)?"),
            ipv4: re(r"\b(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\b"),
            phone: re(r"(?:\+[0-9](?:[\s.\-]?\(?[0-9]\)?){6,14}\b)|(?:\(?\b[0-9]{3}\)?[\s.\-][0-9]{3}[\s.\-][0-9]{4}\b)"),
            secret_param: re(
                r"(?i)[?&;#](?:[a-z0-9_\-]*(?:token|secret|passw(?:or)?d|pwd|api[_\-]?key|apikey|key|sig|signature|auth|session|sid|code|credential)[a-z0-9_\-]*)=",
            ),
            token_segment: re(r"/([A-Za-z0-9_\-\.~]{20,})"),
        }
    })
}

fn url_has_secret(url: &str) -> bool {
    let p = patterns();
    if p.secret_param.is_match(url) {
        return true;
    }
    let path = url.split(['?', '#']).next().unwrap_or(url);
    // Skip the scheme and host: only path segments count.
    let after_host = path.splitn(4, '/').nth(3).map(|rest| format!("/{rest}")).unwrap_or_default();
    p.token_segment.captures_iter(&after_host).any(|c| {
        let seg = &c[1];
        seg.bytes().any(|b| b.is_ascii_digit()) && seg.bytes().any(|b| b.is_ascii_alphabetic())
    })
}

/// Whether the digits pass the Luhn check.
pub fn luhn_valid(digits: &[u8]) -> bool {
    let mut sum = 0u32;
    for (i, d) in digits.iter().rev().enumerate() {
        let mut v = u32::from(*d);
        if i % 2 == 1 {
            v *= 2;
            if v > 9 {
                v -= 9;
            }
        }
        sum += v;
    }
    // `% 10` rather than `is_multiple_of` (Rust 1.87): the workspace supports Rust 1.80.
    !digits.is_empty() && sum % 10 == 0
}

/// Whether `s` (spaces ignored) is an IBAN with valid mod-97 check digits.
pub fn iban_valid(s: &str) -> bool {
    let compact: Vec<u8> = s.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    if !(15..=34).contains(&compact.len()) || !compact.iter().all(u8::is_ascii_alphanumeric) {
        return false;
    }
    let rearranged = compact[4..].iter().chain(&compact[..4]);
    let mut rem: u32 = 0;
    for &b in rearranged {
        let v = match b {
            b'0'..=b'9' => u32::from(b - b'0'),
            b'A'..=b'Z' => u32::from(b - b'A') + 10,
            _ => return false,
        };
        rem = if v >= 10 { (rem * 100 + v) % 97 } else { (rem * 10 + v) % 97 };
    }
    rem == 1
}

/// The text with detected personal data replaced by placeholders (`[EMAIL]`, `[PHONE]`, `[CARD]`, `[IBAN]`,
/// `[IP]`, `[URL]`); everything else unchanged.
pub fn mask(text: &str) -> String {
    let p = patterns();
    let s = p.url.replace_all(text, |c: &Captures| {
        // Sentence punctuation after a URL is not part of it.
        let url = c[0].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']']);
        if url_has_secret(url) { format!("[URL]{}", &c[0][url.len()..]) } else { c[0].to_owned() }
    });
    let s = p.email.replace_all(&s, "[EMAIL]");
    let s = p.iban.replace_all(&s, |c: &Captures| {
        if iban_valid(&c[0]) { "[IBAN]".to_owned() } else { c[0].to_owned() }
    });
    let s = p.card.replace_all(&s, |c: &Captures| {
        let digits: Vec<u8> = c[0].bytes().filter(u8::is_ascii_digit).map(|b| b - b'0').collect();
        if (13..=19).contains(&digits.len()) && luhn_valid(&digits) { "[CARD]".to_owned() } else { c[0].to_owned() }
    });
    let s = p.ipv6.replace_all(&s, |c: &Captures| {
        let m = &c[0];
        let addr = m.split('%').next().unwrap_or(m);
        if addr.matches(':').count() >= 2
            && addr.bytes().any(|b| b.is_ascii_hexdigit())
            && addr.parse::<std::net::Ipv6Addr>().is_ok() {
            "[IP]".to_owned()
        } else {
            m.to_owned()
        }
    });
    let s = p.ipv4.replace_all(&s, "[IP]");
    let s = p.phone.replace_all(&s, "[PHONE]");
    s.into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_masked_and_the_rest_is_kept() {
        assert_eq!(mask("write to jane.doe+x@example.co.uk today"), "write to [EMAIL] today");
        assert_eq!(mask("A@B.io, c_d@mail.example.org."), "[EMAIL], [EMAIL].");
        assert_eq!(mask("no at sign here, just words"), "no at sign here, just words");
    }

    #[test]
    fn international_and_local_phone_numbers_are_masked() {
        assert_eq!(mask("call +44 20 7946 0958 now"), "call [PHONE] now");
        assert_eq!(mask("call +1 (415) 555-2671."), "call [PHONE].");
        assert_eq!(mask("+49-30-1234567"), "[PHONE]");
        assert_eq!(mask("+33612345678 or (212) 555-0147"), "[PHONE] or [PHONE]");
        assert_eq!(mask("in 2024 we had 3 cats"), "in 2024 we had 3 cats");
    }

    #[test]
    fn luhn_valid_card_numbers_are_masked_but_other_digit_runs_are_not() {
        assert_eq!(mask("card 4111 1111 1111 1111 exp"), "card [CARD] exp");
        assert_eq!(mask("5500-0000-0000-0004"), "[CARD]");
        assert_eq!(mask("amex 378282246310005"), "amex [CARD]");
        // 16 digits failing Luhn: not a card.
        assert_eq!(mask("order 4111111111111112"), "order 4111111111111112");
        assert_eq!(mask("ref 1234567890123456"), "ref 1234567890123456");
        assert!(luhn_valid(&[7, 9, 9, 2, 7, 3, 9, 8, 7, 1, 3]));
        assert!(!luhn_valid(&[7, 9, 9, 2, 7, 3, 9, 8, 7, 1, 4]));
    }

    #[test]
    fn mod97_valid_ibans_are_masked() {
        assert_eq!(mask("pay to DE89 3704 0044 0532 0130 00 please"), "pay to [IBAN] please");
        assert_eq!(mask("GB82WEST12345698765432"), "[IBAN]");
        assert_eq!(mask("FR1420041010050500013M02606."), "[IBAN].");
        // Wrong check digits: left alone.
        assert_eq!(mask("DE88 3704 0044 0532 0130 00"), "DE88 3704 0044 0532 0130 00");
        assert!(iban_valid("NL91ABNA0417164300"));
        assert!(!iban_valid("NL92ABNA0417164300"));
    }

    #[test]
    fn ipv4_and_ipv6_addresses_are_masked() {
        assert_eq!(mask("from 192.168.1.20 and 8.8.8.8."), "from [IP] and [IP].");
        assert_eq!(mask("host 2001:db8::8a2e:370:7334 up"), "host [IP] up");
        assert_eq!(mask("loopback ::1 and fe80::1%eth0"), "loopback [IP] and [IP]");
        assert_eq!(mask("version 1.2.3 at 12:30:45"), "version 1.2.3 at 12:30:45");
        assert_eq!(mask("999.1.1.1"), "999.1.1.1");
    }

    #[test]
    fn urls_with_tokens_are_masked_and_plain_urls_kept() {
        assert_eq!(mask("see https://example.com/reset?token=abc123 ok"), "see [URL] ok");
        assert_eq!(mask("https://api.example.com/v1?user=1&api_key=XYZ"), "[URL]");
        assert_eq!(mask("https://x.blob.core.windows.net/c/b.png?sv=1&sig=AbC%2Bd"), "[URL]");
        assert_eq!(mask("http://h.io/login?password=hunter2"), "[URL]");
        assert_eq!(mask("https://h.io/share/9f8e7d6c5b4a39281706abcdef"), "[URL]");
        assert_eq!(mask("https://h.io/a?secret=s"), "[URL]");
        assert_eq!(mask("read https://example.com/docs/getting-started now"), "read https://example.com/docs/getting-started now");
    }

    #[test]
    fn a_mixed_text_keeps_everything_that_is_not_personal_data() {
        let text = "Hi, I'm Sam. Mail sam@example.com, phone +1 202 555 0143, card 4012888888881881, \
                    IBAN GB82 WEST 1234 5698 7654 32, IP 10.0.0.7, link https://x.io/r?token=q1w2e3. Thanks!";
        assert_eq!(
            mask(text),
            "Hi, I'm Sam. Mail [EMAIL], phone [PHONE], card [CARD], IBAN [IBAN], IP [IP], link [URL]. Thanks!"
        );
    }
}
