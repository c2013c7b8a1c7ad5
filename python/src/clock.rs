//! Time in the binding: the library never reads the clock, so the binding does (or takes
//! `now=`), and converts between Python `datetime`s and `presign::Timestamp`s. Also the date
//! formats boto3 writes timestamp parameters in (RFC 1123 for headers, ISO 8601).

use presign::time::DateTime;
use presign::Timestamp;
use pyo3::prelude::*;
use pyo3::types::{PyDateTime, PyFloat, PyInt, PyString, PyTzInfo};

use crate::errors::{param_error, type_error, OrRaise};

/// The signing time: the system clock, or `now` (an aware `datetime`, or Unix seconds).
///
/// # Errors
/// `ValueError` for a naive `datetime` (it names no instant), `TypeError` for another type.
#[inline]
pub(crate) fn signing_time(now: Option<&Bound<'_, PyAny>>) -> PyResult<Timestamp> {
    match now {
        None => system_now(),
        Some(t) if t.is_none() => system_now(),
        Some(t) => instant(t, "now"),
    }
}

fn system_now() -> PyResult<Timestamp> {
    Timestamp::try_from(std::time::SystemTime::now()).or_raise()
}

/// An instant given as an aware `datetime` or as Unix seconds (`int` or `float`, floored).
pub(crate) fn instant(t: &Bound<'_, PyAny>, what: &str) -> PyResult<Timestamp> {
    if let Ok(n) = t.cast::<PyInt>() {
        return Timestamp::from_unix(n.extract()?).or_raise();
    }
    if let Ok(f) = t.cast::<PyFloat>() {
        return Timestamp::from_unix(f.value().floor() as i64).or_raise();
    }
    if t.cast::<PyDateTime>().is_ok() {
        if t.call_method0("utcoffset")?.is_none() {
            return Err(pyo3::exceptions::PyValueError::new_err(format!(
                "{what} is a naive datetime, which names no instant: pass an aware one, e.g. datetime.now(timezone.utc)"
            )));
        }
        let seconds: f64 = t.call_method0("timestamp")?.extract()?;
        return Timestamp::from_unix(seconds.floor() as i64).or_raise();
    }
    Err(type_error(format!(
        "{what} must be an aware datetime or Unix seconds, not {}",
        t.get_type().name()?
    )))
}

/// An aware UTC `datetime` for `t`.
pub(crate) fn to_datetime(py: Python<'_>, t: Timestamp) -> PyResult<Bound<'_, PyDateTime>> {
    let utc = PyTzInfo::utc(py)?;
    PyDateTime::from_timestamp(py, t.unix() as f64, Some(&utc))
}

/// A boto3 timestamp parameter as botocore reads it (`parse_to_aware_datetime`): a `datetime`
/// (naive means UTC), Unix seconds, or an ISO 8601 string. Returns seconds and microseconds.
pub(crate) fn param_instant(v: &Bound<'_, PyAny>, name: &str) -> PyResult<(i64, u32)> {
    let py = v.py();
    let dt = if v.cast::<PyDateTime>().is_ok() {
        v.clone()
    } else if v.cast::<PyInt>().is_ok() || v.cast::<PyFloat>().is_ok() {
        let f: f64 = v.extract()?;
        let s = f.floor();
        return Ok((s as i64, ((f - s) * 1e6).round() as u32));
    } else if let Ok(s) = v.cast::<PyString>() {
        let text = s.to_cow()?;
        if let Ok(n) = text.trim().parse::<i64>() {
            return Ok((n, 0));
        }
        // datetime.fromisoformat takes "Z" from Python 3.11 on: spell it as an offset.
        let iso = match text.strip_suffix('Z') {
            Some(head) => format!("{head}+00:00"),
            None => text.into_owned(),
        };
        py.import("datetime")?
            .getattr("datetime")?
            .call_method1("fromisoformat", (iso,))
            .map_err(|_| {
                param_error(format!(
                    "Invalid timestamp for parameter {name}: use a datetime, Unix seconds or an ISO 8601 string"
                ))
            })?
    } else {
        return Err(param_error(format!(
            "Invalid type for parameter {name}, value: {}, type: {}, valid types: datetime, int, str",
            v.repr()?,
            v.get_type().name()?
        )));
    };
    let dt = if dt.call_method0("utcoffset")?.is_none() {
        let utc = PyTzInfo::utc(py)?;
        let kwargs = pyo3::types::PyDict::new(py);
        kwargs.set_item("tzinfo", utc)?;
        dt.call_method("replace", (), Some(&kwargs))?
    } else {
        dt
    };
    let micros: u32 = dt.getattr("microsecond")?.extract()?;
    let seconds: f64 = dt.call_method0("timestamp")?.extract()?;
    Ok(((seconds - f64::from(micros) / 1e6).round() as i64, micros))
}

const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn date_time(seconds: i64, name: &str) -> PyResult<(Timestamp, DateTime)> {
    let t = Timestamp::from_unix(seconds)
        .map_err(|e| param_error(format!("Invalid timestamp for parameter {name}: {e}")))?;
    Ok((t, t.date_time()))
}

/// `Wed, 01 Jan 2020 00:00:00 GMT` (what `email.utils.formatdate(t, usegmt=True)` writes).
pub(crate) fn rfc822(seconds: i64, name: &str) -> PyResult<String> {
    let (t, d) = date_time(seconds, name)?;
    Ok(format!(
        "{}, {:02} {} {:04} {:02}:{:02}:{:02} GMT",
        DAYS[t.day().rem_euclid(7) as usize],
        d.day,
        MONTHS[usize::from(d.month) - 1],
        d.year,
        d.hour,
        d.minute,
        d.second
    ))
}

/// `2020-01-01T00:00:00Z`, with `.ffffff` microseconds when there are any (botocore's
/// `_timestamp_iso8601`).
pub(crate) fn iso8601(seconds: i64, micros: u32, name: &str) -> PyResult<String> {
    let (_, d) = date_time(seconds, name)?;
    let mut s = format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
        d.year, d.month, d.day, d.hour, d.minute, d.second
    );
    if micros > 0 {
        s.push_str(&format!(".{micros:06}"));
    }
    s.push('Z');
    Ok(s)
}
