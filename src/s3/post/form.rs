//! A submitted POST form, as the server received it.

use alloc::borrow::ToOwned;
use alloc::string::String;
use alloc::vec::Vec;

/// A submitted POST form, as the server received it (the file part excluded).
///
/// ```
/// use presign::s3::post::PostForm;
/// let form = PostForm::new("my-bucket", [("key", "in/${filename}"), ("policy", "...")], 1234).file_name("cat.png");
/// assert_eq!(form.fields.len(), 2);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct PostForm {
    /// The bucket of the URL the form was posted to.
    pub bucket: String,
    /// The form fields as submitted, in order, without the `file` part.
    pub fields: Vec<(String, String)>,
    /// The file name from the `file` part's `Content-Disposition` (substituted for
    /// `${filename}` in the key).
    pub file_name: Option<String>,
    /// The size of the file in bytes.
    pub file_size: u64,
}

impl PostForm {
    /// A form posted to `bucket` with `fields` and a file of `file_size` bytes.
    pub fn new<I, N, V>(bucket: &str, fields: I, file_size: u64) -> Self
    where
        I: IntoIterator<Item = (N, V)>,
        N: Into<String>,
        V: Into<String>,
    {
        PostForm {
            bucket: bucket.to_owned(),
            fields: fields
                .into_iter()
                .map(|(n, v)| (n.into(), v.into()))
                .collect(),
            file_name: None,
            file_size,
        }
    }

    /// Sets the uploaded file's name.
    pub fn file_name(mut self, name: &str) -> Self {
        self.file_name = Some(name.to_owned());
        self
    }

    pub(super) fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}
