//! The Bulk manager's error: one type with the official SDK's exception kinds as variants —
//! operation failed with the service's errors and download/upload timeouts (inside
//! [`TransferError`]), record read/write errors with row and column ([`BulkError`]), transfer
//! errors, and limits checked before anything is uploaded.

use crate::Error;
use crate::bulk::BulkError;
use crate::transfer::TransferError;

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BulkServiceError {
    /// Submitting, tracking, downloading or uploading failed: a service fault, a failed or
    /// timed-out operation (with its request id), an HTTP or file error.
    #[error(transparent)]
    Transfer(#[from] TransferError),
    /// A bulk file or record could not be read or written (row and column in the error).
    #[error(transparent)]
    File(#[from] BulkError),
    /// Uploads go to one account, and the client's authorization data names none.
    #[error(
        "bulk: uploads need an account id; set it on the AuthorizationData (`with_account_id`)"
    )]
    NoAccountId,
}

impl From<Error> for BulkServiceError {
    fn from(e: Error) -> Self {
        BulkServiceError::Transfer(TransferError::Service(e))
    }
}

impl BulkServiceError {
    /// The request id of the operation, when the error keeps one (resume or check it).
    pub fn request_id(&self) -> Option<&str> {
        match self {
            BulkServiceError::Transfer(t) => t.request_id(),
            _ => None,
        }
    }

    /// The service error underneath, if a call failed.
    pub fn service_error(&self) -> Option<&Error> {
        match self {
            BulkServiceError::Transfer(TransferError::Service(e)) => Some(e),
            _ => None,
        }
    }
}
