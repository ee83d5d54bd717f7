//! Site administrators, their sessions, and the secrets the web nodes share.

use chrono::{DateTime, Utc};
use newsdesk_model::UserId;

use crate::rows::uuid;
use crate::{Store, StoreError, time};

/// A search the operator saved.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SavedSearch {
    pub id: String,
    pub name: String,
    pub query: String,
}

/// Saved searches kept at most.
pub const MAX_SAVED_SEARCHES: u64 = 100;

/// A signed-in administrator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionUser {
    pub id: UserId,
    pub username: String,
}

impl Store {
    /// Stores an API token's hash under `name`. Returns false when a token of that name
    /// exists already.
    ///
    /// # Errors
    /// Database errors.
    pub async fn create_api_token(&self, name: &str, token_hash: &str) -> Result<bool, StoreError> {
        let done = self
            .sql("INSERT INTO api_tokens (name, token_hash, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING")
            .bind(name)
            .bind(token_hash)
            .bind(time::to_db(time::now()))
            .execute(self.pool())
            .await?;
        Ok(done == 1)
    }

    /// The name of the API token whose hash is `token_hash`, if there is one.
    ///
    /// # Errors
    /// Database errors.
    pub async fn api_token_name(&self, token_hash: &str) -> Result<Option<String>, StoreError> {
        let row = self
            .sql("SELECT name FROM api_tokens WHERE token_hash = ?")
            .bind(token_hash)
            .fetch_optional(self.pool())
            .await?;
        row.map(|r| r.get("name")).transpose()
    }

    /// Adds an administrator with an already hashed password. False when the name is taken.
    ///
    /// # Errors
    /// Database errors.
    pub async fn create_user(&self, username: &str, password_hash: &str) -> Result<bool, StoreError> {
        let done = self.sql(
            "INSERT INTO users (id, username, password_hash, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (username) DO NOTHING",
        )
        .bind(UserId::new_v7().to_string())
        .bind(username)
        .bind(password_hash)
        .bind(time::to_db(time::now()))
        .execute(self.pool())
        .await?;
        Ok(done == 1)
    }

    /// The id and password hash of the administrator with this name.
    ///
    /// # Errors
    /// Database errors.
    pub async fn user_password(&self, username: &str) -> Result<Option<(UserId, String)>, StoreError> {
        let row = self
            .sql("SELECT id, password_hash FROM users WHERE username = ?")
            .bind(username)
            .fetch_optional(self.pool())
            .await?;
        row.map(|r| Ok((UserId::from_uuid(uuid(&r.get::<String>("id")?)?), r.get("password_hash")?))).transpose()
    }

    /// The administrators and the API tokens, by name, each with when it was made.
    ///
    /// # Errors
    /// Database errors.
    pub async fn users_and_tokens(
        &self,
    ) -> Result<(Vec<(String, DateTime<Utc>)>, Vec<(String, DateTime<Utc>)>), StoreError> {
        let mut lists = Vec::new();
        for sql in [
            "SELECT username AS name, created_at FROM users ORDER BY username",
            "SELECT name, created_at FROM api_tokens ORDER BY name",
        ] {
            let rows = self.sql(sql).fetch_all(self.pool()).await?;
            lists.push(
                rows.iter()
                    .map(|r| Ok((r.get("name")?, time::from_db(&r.get::<String>("created_at")?)?)))
                    .collect::<Result<Vec<_>, StoreError>>()?,
            );
        }
        let tokens = lists.pop().unwrap_or_default();
        let users = lists.pop().unwrap_or_default();
        Ok((users, tokens))
    }

    /// Removes an administrator and signs them out everywhere. False when there is none of
    /// that name.
    ///
    /// # Errors
    /// Database errors.
    pub async fn delete_user(&self, username: &str) -> Result<bool, StoreError> {
        let mut tx = self.write().await?;
        self.sql("DELETE FROM sessions WHERE user_id IN (SELECT id FROM users WHERE username = ?)")
            .bind(username)
            .execute(tx.on())
            .await?;
        let done = self.sql("DELETE FROM users WHERE username = ?").bind(username).execute(tx.on()).await?;
        tx.commit().await?;
        Ok(done == 1)
    }

    /// Revokes an API token: requests with it are refused from now on. False when there is
    /// none of that name.
    ///
    /// # Errors
    /// Database errors.
    pub async fn revoke_api_token(&self, name: &str) -> Result<bool, StoreError> {
        let done = self.sql("DELETE FROM api_tokens WHERE name = ?").bind(name).execute(self.pool()).await?;
        Ok(done == 1)
    }

    /// Spends a form token (by its hash): true the first time, false when it carried a comment
    /// already. Tokens spent before `forget_before` (no longer valid anyway) are forgotten.
    ///
    /// # Errors
    /// Database errors.
    pub async fn spend_form_token(&self, token_hash: &str, forget_before: DateTime<Utc>) -> Result<bool, StoreError> {
        let mut tx = self.write().await?;
        self.sql("DELETE FROM spent_form_tokens WHERE spent_at < ?")
            .bind(time::to_db(forget_before))
            .execute(tx.on())
            .await?;
        let done = self
            .sql("INSERT INTO spent_form_tokens (token_hash, spent_at) VALUES (?, ?) ON CONFLICT (token_hash) DO NOTHING")
            .bind(token_hash)
            .bind(time::to_db(time::now()))
            .execute(tx.on())
            .await?;
        tx.commit().await?;
        Ok(done == 1)
    }

    /// Counts a sign-in attempt under each of `keys` (an address's, an account's) before its
    /// password is checked, unless that would put a key over one of `limits`: then nothing is
    /// counted and `None` comes back. Attempts are counted and checked in one serialized write,
    /// so concurrent guesses cannot all slip under a limit while their passwords are being
    /// checked. Attempts older than `forget_before` are forgotten. A successful sign-in hands
    /// its [`SignInAttempt`] to [`Store::forget_sign_in_attempt`]: only failures limit.
    ///
    /// # Errors
    /// Database errors.
    pub async fn reserve_sign_in_attempt(
        &self,
        keys: &[&str],
        limits: &[SignInLimit],
        forget_before: DateTime<Utc>,
    ) -> Result<Option<SignInAttempt>, StoreError> {
        let at = time::now();
        let mut tx = self.write().await?;
        tx.sql("DELETE FROM sign_in_failures WHERE failed_at < ?")
            .bind(time::to_db(forget_before))
            .execute(tx.on())
            .await?;
        for key in keys {
            tx.sql("INSERT INTO sign_in_failures (key, failed_at) VALUES (?, ?)")
                .bind(*key)
                .bind(time::to_db(at))
                .execute(tx.on())
                .await?;
        }
        for key in keys {
            for limit in limits {
                let n: i64 = tx
                    .sql("SELECT count(*) FROM sign_in_failures WHERE key = ? AND failed_at >= ?")
                    .bind(*key)
                    .bind(time::to_db(limit.since))
                    .scalar(tx.on())
                    .await?;
                if n > i64::from(limit.most) {
                    // Dropped uncommitted: a refused attempt is not counted.
                    return Ok(None);
                }
            }
        }
        tx.commit().await?;
        Ok(Some(SignInAttempt { at }))
    }

    /// Uncounts an attempt [`Store::reserve_sign_in_attempt`] counted (its sign-in succeeded).
    ///
    /// # Errors
    /// Database errors.
    pub async fn forget_sign_in_attempt(&self, keys: &[&str], attempt: SignInAttempt) -> Result<(), StoreError> {
        let mut tx = self.write().await?;
        for key in keys {
            tx.sql("DELETE FROM sign_in_failures WHERE key = ? AND failed_at = ?")
                .bind(*key)
                .bind(time::to_db(attempt.at))
                .execute(tx.on())
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// How many administrators there are.
    ///
    /// # Errors
    /// Database errors.
    pub async fn count_users(&self) -> Result<u64, StoreError> {
        let n: i64 = self.sql("SELECT count(*) FROM users").scalar(self.pool()).await?;
        Ok(u64::try_from(n).unwrap_or(0))
    }

    /// Records a session by the hash of its token.
    ///
    /// # Errors
    /// Database errors.
    pub async fn create_session(
        &self,
        token_hash: &str,
        user: UserId,
        expires_at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let now = time::now();
        self.sql("DELETE FROM sessions WHERE expires_at < ?").bind(time::to_db(now)).execute(self.pool()).await?;
        self.sql("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)")
            .bind(token_hash)
            .bind(user.to_string())
            .bind(time::to_db(now))
            .bind(time::to_db(expires_at))
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// The administrator of an unexpired session.
    ///
    /// # Errors
    /// Database errors.
    pub async fn session_user(&self, token_hash: &str) -> Result<Option<SessionUser>, StoreError> {
        let row = self
            .sql(
                "SELECT u.id, u.username FROM sessions s JOIN users u ON u.id = s.user_id \
             WHERE s.token_hash = ? AND s.expires_at > ?",
            )
            .bind(token_hash)
            .bind(time::to_db(time::now()))
            .fetch_optional(self.pool())
            .await?;
        row.map(|r| {
            Ok(SessionUser { id: UserId::from_uuid(uuid(&r.get::<String>("id")?)?), username: r.get("username")? })
        })
        .transpose()
    }

    /// Ends a session.
    ///
    /// # Errors
    /// Database errors.
    pub async fn delete_session(&self, token_hash: &str) -> Result<(), StoreError> {
        self.sql("DELETE FROM sessions WHERE token_hash = ?").bind(token_hash).execute(self.pool()).await?;
        Ok(())
    }

    /// Saves a search; false when [`MAX_SAVED_SEARCHES`] are saved already.
    ///
    /// # Errors
    /// Database errors.
    pub async fn add_saved_search(&self, name: &str, query: &str) -> Result<bool, StoreError> {
        let n: i64 = self.sql("SELECT count(*) FROM saved_searches").scalar(self.pool()).await?;
        if u64::try_from(n).unwrap_or(0) >= MAX_SAVED_SEARCHES {
            return Ok(false);
        }
        self.sql("INSERT INTO saved_searches (id, name, query, created_at) VALUES (?, ?, ?, ?)")
            .bind(uuid::Uuid::now_v7().to_string())
            .bind(name)
            .bind(query)
            .bind(time::to_db(time::now()))
            .execute(self.pool())
            .await?;
        Ok(true)
    }

    /// Every saved search, by name.
    ///
    /// # Errors
    /// Database errors.
    pub async fn saved_searches(&self) -> Result<Vec<SavedSearch>, StoreError> {
        let rows = self
            .sql("SELECT id, name, query FROM saved_searches ORDER BY name, created_at")
            .fetch_all(self.pool())
            .await?;
        rows.iter()
            .map(|r| Ok(SavedSearch { id: r.get("id")?, name: r.get("name")?, query: r.get("query")? }))
            .collect()
    }

    /// Removes a saved search; false when there is none with this id.
    ///
    /// # Errors
    /// Database errors.
    pub async fn delete_saved_search(&self, id: &str) -> Result<bool, StoreError> {
        let done = self.sql("DELETE FROM saved_searches WHERE id = ?").bind(id).execute(self.pool()).await?;
        Ok(done == 1)
    }

    /// The site secret called `name`, made from `fresh` the first time it is asked for. Every
    /// web node sharing the database gets the same value.
    ///
    /// # Errors
    /// Database errors.
    pub async fn site_secret(&self, name: &str, fresh: &str) -> Result<String, StoreError> {
        self.sql("INSERT INTO site_secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")
            .bind(name)
            .bind(fresh)
            .execute(self.pool())
            .await?;
        self.sql("SELECT value FROM site_secrets WHERE name = ?").bind(name).scalar(self.pool()).await
    }
}

/// At most `most` sign-in attempts per key since `since`.
#[derive(Debug, Clone, Copy)]
pub struct SignInLimit {
    pub since: DateTime<Utc>,
    pub most: u32,
}

/// A counted sign-in attempt (see [`Store::reserve_sign_in_attempt`]).
#[derive(Debug, Clone, Copy)]
pub struct SignInAttempt {
    at: DateTime<Utc>,
}
