//! Shows how newsdesk chose the article of one page: `cargo run --example explain PAGE.html [TEXT]`
//! (with TEXT, also the elements around the first text node that contains it)
//! (a `.gz` file is read as gzip by `zcat PAGE.html.gz | cargo run --example explain -`).
#![allow(clippy::print_stdout)]

use std::io::Read;

fn main() -> std::io::Result<()> {
    let path = std::env::args().nth(1).unwrap_or_else(|| "-".to_owned());
    let mut bytes = Vec::new();
    if path == "-" {
        std::io::stdin().read_to_end(&mut bytes)?;
    } else {
        bytes = std::fs::read(&path)?;
    }
    let snippet = std::env::args().nth(2);
    print!("{}", newsdesk_extract::explain(&bytes, snippet.as_deref()));
    Ok(())
}
