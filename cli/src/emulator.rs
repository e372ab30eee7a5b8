//! `bingads emulator`: the local service emulator in the foreground.

use std::io::Write;

use bingads_emulator::{
    ACCOUNT_ID, CUSTOMER_ID, DESKTOP_CLIENT_ID, Emulator, EmulatorConfig, PASSWORD, USER_NAME,
};

use crate::error::CliError;

/// What `bingads emulator` prints once listening: the base URL and how to point the command
/// line at it.
pub fn banner(emulator: &Emulator) -> String {
    let base = emulator.base_url();
    let token = &emulator.config().developer_token;
    format!(
        "bingads emulator listening on {base} (Ctrl-C stops it; state lives in memory)\n\
         \n\
         Point the command line at it (legacy UserName/Password sign-in):\n\
         \n\
         \x20 export BINGADS_ENDPOINT={base}\n\
         \x20 export BINGADS_OAUTH_ENDPOINT={base}\n\
         \x20 export BINGADS_DEVELOPER_TOKEN={token}\n\
         \x20 export BINGADS_USERNAME={USER_NAME}\n\
         \x20 export BINGADS_PASSWORD={PASSWORD}\n\
         \x20 export BINGADS_CUSTOMER_ID={CUSTOMER_ID}\n\
         \x20 export BINGADS_ACCOUNT_ID={ACCOUNT_ID}\n\
         \x20 bingads call CustomerManagement GetUser --data '{{\"UserId\": null}}'\n\
         \n\
         Or sign in with OAuth (the emulator's desktop client; its consent page opens in the browser):\n\
         \n\
         \x20 bingads auth login --profile emulator --client-id {DESKTOP_CLIENT_ID} \\\n\
         \x20     --endpoint {base} --oauth-endpoint {base} --developer-token {token} \\\n\
         \x20     --account-id {ACCOUNT_ID} --customer-id {CUSTOMER_ID}\n\
         \x20 bingads --profile emulator call CampaignManagement GetCampaignsByAccountId \\\n\
         \x20     --data '{{\"AccountId\": \"{ACCOUNT_ID}\", \"CampaignType\": \"Search\"}}'\n"
    )
}

/// Runs the emulator until Ctrl-C.
pub async fn run(port: u16) -> Result<(), CliError> {
    let config = EmulatorConfig::default().with_port(port);
    Emulator::serve(config, |e| {
        let mut out = std::io::stdout().lock();
        let _ = out.write_all(banner(e).as_bytes());
        let _ = out.flush();
    })
    .await
    .map_err(|e| {
        CliError::failure(format!("cannot run the emulator on 127.0.0.1:{port}: {e}"))
            .hint("choose another port with --port, or --port 0 for any free one")
    })
}
