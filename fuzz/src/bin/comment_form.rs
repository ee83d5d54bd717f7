//! The comment form: any request body read as the form and checked as the site checks it.
fn main() {
    afl::fuzz!(|data: &[u8]| {
        let _ = newsdesk_web::check_comment_form(data);
    });
}
