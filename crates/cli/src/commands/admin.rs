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
        .context("hashing the password")??;
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
    let (token, hash) = newsdesk_web::new_api_token()?;
    if !store.create_api_token(name, &hash).await? {
        bail!("there is already a token called {name}");
    }
    Ok(format!(
        "Created API token {name}. It is shown this once; newsdesk keeps only its hash:\n{token}\nSend it as `Authorization: Bearer {token}` to /api/v1/admin/..."
    ))
}

/// The administrators and the API tokens, as lines to print.
///
/// # Errors
/// Database errors.
pub async fn users(store: &Store) -> anyhow::Result<String> {
    let (users, tokens) = store.users_and_tokens().await?;
    let mut out = String::new();
    for (title, list, none) in [
        ("Administrators", &users, "none: create one with `newsdesk admin create-user NAME`"),
        ("API tokens", &tokens, "none"),
    ] {
        out.push_str(&format!("{title} ({}):\n", list.len()));
        if list.is_empty() {
            out.push_str(&format!("  {none}\n"));
        }
        for (name, at) in list {
            out.push_str(&format!("  {name}  (since {})\n", at.format("%Y-%m-%d %H:%M UTC")));
        }
    }
    Ok(out)
}

/// Removes the administrator `name`.
///
/// # Errors
/// No such administrator, or a database error.
pub async fn delete_user(store: &Store, name: &str) -> anyhow::Result<String> {
    if !store.delete_user(name.trim()).await? {
        bail!("there is no administrator called {}: `newsdesk admin users` lists them", name.trim());
    }
    Ok(format!("Removed administrator {}; their sessions have ended.", name.trim()))
}

/// Revokes the API token `name`.
///
/// # Errors
/// No such token, or a database error.
pub async fn revoke_token(store: &Store, name: &str) -> anyhow::Result<String> {
    if !store.revoke_api_token(name.trim()).await? {
        bail!("there is no API token called {}: `newsdesk admin users` lists them", name.trim());
    }
    Ok(format!("Revoked API token {}; requests with it are refused from now on.", name.trim()))
}

fn read_password() -> anyhow::Result<String> {
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        // From a pipe or a file: one line, as scripts give it.
        let mut line = String::new();
        stdin.lock().read_line(&mut line).context("reading the password from standard input")?;
        return Ok(line.trim_end_matches(['\n', '\r']).to_owned());
    }
    // On a terminal, typed twice and not shown, so a typo cannot lock the administrator out.
    let first = prompt_hidden("Password for the new administrator: ")?;
    let again = prompt_hidden("The same password again: ")?;
    if first != again {
        bail!("the two passwords differ; nothing was created, try again");
    }
    Ok(first)
}

fn prompt_hidden(prompt: &str) -> anyhow::Result<String> {
    eprint!("{prompt}");
    std::io::stderr().flush().ok();
    // Not shown while typed; restored below whatever happens.
    let _ = std::process::Command::new("stty").arg("-echo").status();
    let mut line = String::new();
    let read = std::io::stdin().lock().read_line(&mut line);
    let _ = std::process::Command::new("stty").arg("echo").status();
    eprintln!();
    read.context("reading the password from the terminal")?;
    Ok(line.trim_end_matches(['\n', '\r']).to_owned())
}
