//! The S3 operations as request builders on a [`Bucket`](super::Bucket).

use super::method::Method;
use super::request::S3Request;
use crate::s3::Bucket;

impl Bucket {
    /// Any S3 request: a method and an optional key, to refine with [`S3Request::query`] and
    /// [`S3Request::header`]. The escape hatch for operations without a helper.
    pub fn request<'a>(&'a self, method: Method, key: Option<&'a str>) -> S3Request<'a> {
        S3Request::new(self, method, key)
    }
    /// GetObject: download (or preview) an object.
    pub fn get_object<'a>(&'a self, key: &'a str) -> S3Request<'a> {
        S3Request::new(self, Method::Get, Some(key))
    }
    /// HeadObject.
    pub fn head_object<'a>(&'a self, key: &'a str) -> S3Request<'a> {
        S3Request::new(self, Method::Head, Some(key))
    }
    /// PutObject: upload straight to the bucket.
    pub fn put_object<'a>(&'a self, key: &'a str) -> S3Request<'a> {
        S3Request::new(self, Method::Put, Some(key))
    }
    /// DeleteObject.
    pub fn delete_object<'a>(&'a self, key: &'a str) -> S3Request<'a> {
        S3Request::new(self, Method::Delete, Some(key))
    }
    /// CreateMultipartUpload (`POST ?uploads`).
    pub fn create_multipart_upload<'a>(&'a self, key: &'a str) -> S3Request<'a> {
        S3Request::new(self, Method::Post, Some(key)).query("uploads", "")
    }
    /// UploadPart (`PUT ?partNumber=N&uploadId=ID`).
    pub fn upload_part<'a>(
        &'a self,
        key: &'a str,
        upload_id: &'a str,
        part_number: u32,
    ) -> S3Request<'a> {
        S3Request::new(self, Method::Put, Some(key))
            .part_number(part_number)
            .upload_id(upload_id)
    }
    /// CompleteMultipartUpload (`POST ?uploadId=ID`).
    pub fn complete_multipart_upload<'a>(
        &'a self,
        key: &'a str,
        upload_id: &'a str,
    ) -> S3Request<'a> {
        S3Request::new(self, Method::Post, Some(key)).upload_id(upload_id)
    }
    /// AbortMultipartUpload (`DELETE ?uploadId=ID`).
    pub fn abort_multipart_upload<'a>(&'a self, key: &'a str, upload_id: &'a str) -> S3Request<'a> {
        S3Request::new(self, Method::Delete, Some(key)).upload_id(upload_id)
    }
    /// ListParts (`GET ?uploadId=ID`).
    pub fn list_parts<'a>(&'a self, key: &'a str, upload_id: &'a str) -> S3Request<'a> {
        S3Request::new(self, Method::Get, Some(key)).upload_id(upload_id)
    }
    /// ListObjectsV2 (`GET /?list-type=2`).
    pub fn list_objects_v2(&self) -> S3Request<'_> {
        S3Request::new(self, Method::Get, None).query("list-type", "2")
    }
}
