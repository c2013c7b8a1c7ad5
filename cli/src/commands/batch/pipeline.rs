//! The batch's pipeline: the reader (this thread) cuts stdin into chunks of whole lines,
//! `threads` workers answer chunks, and a writer thread writes the answers in input order.
//!
//! Memory is bounded whatever the input size: a fixed pool of [`POOL_PER_WORKER`] ×
//! `threads` + 2 input buffers circulates, and a buffer goes back to the reader only after
//! its chunk's answers are written. So the reader waits when the workers or stdout are behind,
//! and at most that many chunks (each at most `input::MAX_LINE` + `input::CHUNK` bytes, and
//! their answers) are in memory. With one thread the same steps run in turn on this thread.

use super::input::{Body, Chunk, Reader, CHUNK};
use super::signer::{Signer, Tally};
use std::collections::BTreeMap;
use std::io::{self, Read, Write};
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::sync::{Arc, Mutex};

/// Input buffers in circulation per worker: one being answered, one queued.
pub const POOL_PER_WORKER: usize = 2;

/// Why the batch stopped before the end of its input.
pub enum Stop {
    /// Reading stdin failed.
    Read(io::Error),
    /// Writing stdout failed (`BrokenPipe`: the reader went away).
    Write(io::Error),
}

/// What the batch did: the lines answered (written), and why it stopped early, if it did.
pub struct Outcome {
    pub tally: Tally,
    pub stop: Option<Stop>,
}

/// Answers `input` into `output` with `threads` workers (1: all on this thread).
pub fn run<R: Read, W: Write + Send>(
    signer: Signer,
    threads: usize,
    input: R,
    output: W,
) -> Outcome {
    if threads <= 1 {
        run_inline(signer, input, output)
    } else {
        run_parallel(signer, threads, input, output)
    }
}

fn run_inline<R: Read, W: Write>(mut signer: Signer, input: R, mut output: W) -> Outcome {
    let mut reader = Reader::new(input, Vec::with_capacity(CHUNK));
    let mut spare = Vec::with_capacity(CHUNK);
    let mut answers = Vec::with_capacity(4 * CHUNK);
    let mut tally = Tally::default();
    loop {
        let chunk = match reader.next(|| std::mem::take(&mut spare)) {
            Ok(Some(chunk)) => chunk,
            Ok(None) => return Outcome { tally, stop: None },
            Err(e) => {
                return Outcome {
                    tally,
                    stop: Some(Stop::Read(e)),
                }
            }
        };
        answers.clear();
        let t = signer.answer_chunk(&chunk, &mut answers);
        if let Err(e) = output.write_all(&answers).and_then(|()| output.flush()) {
            return Outcome {
                tally,
                stop: Some(Stop::Write(e)),
            };
        }
        tally += t;
        if let Body::Lines(buffer) = chunk.body {
            spare = buffer;
        }
    }
}

/// A chunk answered by a worker.
struct Done {
    seq: u64,
    /// The chunk's input buffer, to return to the pool once the answers are written.
    input: Option<Vec<u8>>,
    answers: Vec<u8>,
    tally: Tally,
}

fn run_parallel<R: Read, W: Write + Send>(
    signer: Signer,
    threads: usize,
    input: R,
    output: W,
) -> Outcome {
    let pool_size = POOL_PER_WORKER * threads + 2;
    let (pool_tx, pool_rx) = mpsc::sync_channel::<Vec<u8>>(pool_size);
    // One buffer is the reader's own; the others wait in the pool.
    for _ in 1..pool_size {
        let _ = pool_tx.send(Vec::with_capacity(CHUNK));
    }
    let (work_tx, work_rx) = mpsc::channel::<Chunk>();
    let work_rx = Arc::new(Mutex::new(work_rx));
    let (done_tx, done_rx) = mpsc::channel::<Done>();
    let answer_pool: Arc<Mutex<Vec<Vec<u8>>>> = Arc::new(Mutex::new(Vec::new()));

    std::thread::scope(|scope| {
        for _ in 0..threads {
            let mut signer = signer.clone();
            let work_rx = Arc::clone(&work_rx);
            let done_tx = done_tx.clone();
            let answer_pool = Arc::clone(&answer_pool);
            scope.spawn(move || loop {
                let next = work_rx.lock().map(|rx| rx.recv());
                let Ok(Ok(chunk)) = next else { return };
                let recycled = answer_pool.lock().ok().and_then(|mut p| p.pop());
                let mut answers = recycled.unwrap_or_else(|| Vec::with_capacity(4 * CHUNK));
                answers.clear();
                let tally = signer.answer_chunk(&chunk, &mut answers);
                let input = match chunk.body {
                    Body::Lines(buffer) => Some(buffer),
                    Body::Overlong(_) => None,
                };
                let done = Done {
                    seq: chunk.seq,
                    input,
                    answers,
                    tally,
                };
                if done_tx.send(done).is_err() {
                    return;
                }
            });
        }
        drop(done_tx);
        let writer = {
            let answer_pool = Arc::clone(&answer_pool);
            scope.spawn(move || write_in_order(done_rx, pool_tx, &answer_pool, output))
        };
        let read_error = read_chunks(input, &pool_rx, &work_tx);
        drop(work_tx);
        drop(pool_rx);
        let (tally, write_error) = writer.join().unwrap_or((Tally::default(), None));
        Outcome {
            tally,
            stop: read_error.map(Stop::Read).or(write_error.map(Stop::Write)),
        }
    })
}

/// Cuts the input into chunks for the workers until its end, a read error, or the writer
/// stopping (the pool closes).
fn read_chunks<R: Read>(
    input: R,
    pool: &Receiver<Vec<u8>>,
    work: &mpsc::Sender<Chunk>,
) -> Option<io::Error> {
    let first = pool.recv().unwrap_or_default();
    let mut reader = Reader::new(input, first);
    let mut writer_gone = false;
    loop {
        let spare = || {
            pool.recv().unwrap_or_else(|_| {
                writer_gone = true;
                Vec::new()
            })
        };
        match reader.next(spare) {
            Ok(Some(chunk)) => {
                if writer_gone || work.send(chunk).is_err() {
                    return None;
                }
            }
            Ok(None) => return None,
            Err(e) => return Some(e),
        }
    }
}

/// Writes the answers in input order as they come; returns what was written and the write
/// error that stopped it, if any. Returning (or stopping) closes the pool, which stops the
/// reader.
fn write_in_order<W: Write>(
    done: Receiver<Done>,
    pool: SyncSender<Vec<u8>>,
    answer_pool: &Mutex<Vec<Vec<u8>>>,
    mut output: W,
) -> (Tally, Option<io::Error>) {
    let mut tally = Tally::default();
    let mut waiting: BTreeMap<u64, Done> = BTreeMap::new();
    let mut next = 0u64;
    for d in done {
        waiting.insert(d.seq, d);
        while let Some(d) = waiting.remove(&next) {
            if let Err(e) = output.write_all(&d.answers).and_then(|()| output.flush()) {
                return (tally, Some(e));
            }
            tally += d.tally;
            next += 1;
            if let Some(buffer) = d.input {
                // The pool has room for every buffer in circulation: this never blocks.
                let _ = pool.send(buffer);
            }
            if let Ok(mut p) = answer_pool.lock() {
                p.push(d.answers);
            }
        }
    }
    (tally, None)
}
