//! `presign dsql-token`: an Aurora DSQL authentication token.

use super::rds_token::DB_TOKEN_EXPIRES;
use super::sigv4_presign::Sigv4Presign;
use crate::args::CommonArgs;
use crate::error::Result;
use crate::output::print_token;
use clap::Args;
use presign::Payload;

/// `presign dsql-token`.
#[derive(Args)]
pub struct DsqlArgs {
    /// The cluster endpoint, e.g. abc123.dsql.us-east-1.on.aws.
    #[arg(long, value_name = "HOST")]
    pub hostname: String,
    /// A token for the admin role (Action=DbConnectAdmin) instead of a custom role (DbConnect).
    #[arg(long)]
    pub admin: bool,
    #[command(flatten)]
    pub common: CommonArgs,
}

pub fn run(a: DsqlArgs) -> Result<()> {
    let host = a.hostname.to_ascii_lowercase();
    let g = Sigv4Presign {
        method: "GET",
        scheme: "https",
        host: &host,
        path: "/",
        query: vec![(
            "Action",
            if a.admin {
                "DbConnectAdmin"
            } else {
                "DbConnect"
            },
        )],
        headers: Vec::new(),
        payload: Payload::Empty,
        service: "dsql",
        uri_path: None,
        default_expires: DB_TOKEN_EXPIRES,
        region_set: None,
    };
    let (p, notes) = g.presign(&a.common)?;
    let token = p.url.strip_prefix("https://").unwrap_or(&p.url);
    print_token(&p, token, a.common.json, &notes)
}
