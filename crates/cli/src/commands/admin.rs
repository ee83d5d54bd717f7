//! `newsdesk admin create-user NAME`: the first (or another) administrator; `newsdesk admin
//! create-token NAME`: a token for the admin API.

use std::io::{BufRead, IsTerminal, Write};

use anyhow::{Context, bail};
use newsdesk_store::Store;

/// Shortest password accepted.
const MIN_PASSWORD_CHARS: usize = 10;

/// Reads a password from standard input and creates the user; returns the line to print.
///
/// # Errors
/// A bad name or password, a taken name, or a database error.
pub async fn create_user(store: &Store, name: &str) -> anyhow::Result<String> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 100 || name.chars().any(|c| c.is_control() || c.is_whitespace()) {
        bail!("the name must be 1 to 100 characters without spaces");
    }
    let password = read_password()?;
    if password.chars().count() < MIN_PASSWORD_CHARS {
        bail!("the password must be at least {MIN_PASSWORD_CHARS} characters");
    }
    let hash = tokio::task::spawn_blocking(move || newsdesk_web::hash_password(&password))
        .await
        .context("hashing the password")?
        .map_err(anyhow::Error::msg)?;
    if !store.create_user(name, &hash).await? {
        bail!("there is already an administrator called {name}");
    }
    Ok(format!("Created administrator {name}. Sign in at /admin."))
}

/// Creates an API token called `name`; returns the lines to print, the token among them.
///
/// # Errors
/// A bad or taken name, or a database error.
pub async fn create_token(store: &Store, name: &str) -> anyhow::Result<String> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 100 || name.chars().any(char::is_control) {
        bail!("the token's name must be 1 to 100 characters");
    }
    let (token, hash) = newsdesk_web::new_api_token().map_err(anyhow::Error::msg)?;
    if !store.create_api_token(name, &hash).await? {
        bail!("there is already a token called {name}");
    }
    Ok(format!(
        "Created API token {name}. It is shown this once; newsdesk keeps only its hash:\n{token}\nSend it as `Authorization: Bearer {token}` to /api/v1/admin/..."
    ))
}

fn read_password() -> anyhow::Result<String> {
    let stdin = std::io::stdin();
    let terminal = stdin.is_terminal();
    if terminal {
        eprint!("Password for the new administrator: ");
        std::io::stderr().flush().ok();
        // Not shown while typed; restored below whatever happens.
        let _ = std::process::Command::new("stty").arg("-echo").status();
    }
    let mut line = String::new();
    let read = stdin.lock().read_line(&mut line);
    if terminal {
        let _ = std::process::Command::new("stty").arg("echo").status();
        eprintln!();
    }
    read.context("reading the password from standard input")?;
    Ok(line.trim_end_matches(['\n', '\r']).to_owned())
}
