//! `#[both_backends]`, the attribute that runs one store test on both backends.
//!
//! Written on the compiler's own token types, without syn or quote: the macro needs only the
//! function's name, and the test build stays as lean as it was.

use proc_macro::{Delimiter, TokenStream, TokenTree};

/// Runs an `async fn name(db: TestDb)` on a fresh SQLite store and on a fresh PostgreSQL one.
///
/// Beside the function it writes `mod name` with two tests, `name::sqlite` and
/// `name::postgres`; the second passes over (with a line on stderr) when no test server is
/// named, and fails when `NEWSDESK_POSTGRES_TESTS=required`. Arguments go to `#[tokio::test]`
/// as they are: `#[both_backends(flavor = "multi_thread")]`.
#[proc_macro_attribute]
pub fn both_backends(args: TokenStream, item: TokenStream) -> TokenStream {
    let Some(name) = function_name(item.clone()) else {
        return compile_error("#[both_backends] goes on a test written as `async fn name(db: TestDb)`");
    };
    let runtime = if args.is_empty() { "#[::tokio::test]".to_owned() } else { format!("#[::tokio::test({args})]") };
    let tests = format!(
        "mod {name} {{
            {runtime}
            async fn sqlite() {{
                super::{name}(::newsdesk_testkit::TestDb::sqlite().await).await;
            }}
            {runtime}
            async fn postgres() {{
                if let Some(db) = ::newsdesk_testkit::TestDb::postgres().await {{
                    super::{name}(db).await;
                }}
            }}
        }}"
    );
    let mut out = item;
    match tests.parse::<TokenStream>() {
        Ok(tests) => out.extend(tests),
        Err(err) => return compile_error(&format!("#[both_backends] wrote tests that do not parse: {err}")),
    }
    out
}

/// The name after `fn`, when the item is an `async fn` at the top of the token stream.
fn function_name(item: TokenStream) -> Option<String> {
    let mut tokens = item.into_iter();
    let mut is_async = false;
    while let Some(token) = tokens.next() {
        match token {
            TokenTree::Ident(word) if word.to_string() == "async" => is_async = true,
            TokenTree::Ident(word) if word.to_string() == "fn" => {
                return match tokens.next() {
                    Some(TokenTree::Ident(name)) if is_async => Some(name.to_string()),
                    _ => None,
                };
            }
            TokenTree::Group(group) if group.delimiter() == Delimiter::Brace => return None,
            _ => {}
        }
    }
    None
}

fn compile_error(message: &str) -> TokenStream {
    format!("::core::compile_error!({message:?});").parse().unwrap_or_default()
}
