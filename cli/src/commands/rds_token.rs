//! `presign rds-token`: an RDS IAM authentication token (the password for MySQL/PostgreSQL on
//! RDS), as `aws rds generate-db-auth-token` makes it.

use super::sigv4_presign::Sigv4Presign;
use crate::args::CommonArgs;
use crate::error::Result;
use crate::output::print_token;
use clap::Args;
use presign::Payload;

/// `presign rds-token`.
#[derive(Args)]
pub struct RdsArgs {
    /// The DB instance or cluster endpoint, e.g. mydb.123456789012.us-east-1.rds.amazonaws.com.
    #[arg(long, value_name = "HOST")]
    pub hostname: String,
    /// The database port (3306, 5432, ...): it is part of the signed host.
    #[arg(long, value_name = "PORT")]
    pub port: u16,
    /// The database user name.
    #[arg(long, value_name = "USER")]
    pub username: String,
    #[command(flatten)]
    pub common: CommonArgs,
}

/// The token's default lifetime for RDS and DSQL (botocore: 900 s).
pub const DB_TOKEN_EXPIRES: u64 = 900;

pub fn run(a: RdsArgs) -> Result<()> {
    let host = format!("{}:{}", a.hostname.to_ascii_lowercase(), a.port);
    let g = Sigv4Presign {
        method: "GET",
        scheme: "https",
        host: &host,
        path: "/",
        query: vec![("Action", "connect"), ("DBUser", &a.username)],
        headers: Vec::new(),
        payload: Payload::Empty,
        service: "rds-db",
        uri_path: None,
        default_expires: DB_TOKEN_EXPIRES,
        region_set: None,
    };
    let (p, notes) = g.presign(&a.common)?;
    let token = p.url.strip_prefix("https://").unwrap_or(&p.url);
    print_token(&p, token, a.common.json, &notes)
}
