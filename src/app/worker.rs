//! Searches large libraries off the input thread: only the newest request is run. The best hits of
//! a first part of the library come back at once, then every hit; both as actions for `update`.

use std::sync::{Arc, mpsc};
use std::thread;

use crate::app::{Action, App, SearchRequest};
use crate::search::{SearchIndex, early, matches};

/// How many items are searched first, so that the best of them are on screen within a frame.
pub const EARLY_CHUNK: usize = 8192;
/// How many of those early hits are shown: more than a screen holds.
pub const EARLY_SHOWN: usize = 200;

/// A search thread and the channels to it.
pub struct Worker {
    requests: mpsc::Sender<(Arc<SearchIndex>, SearchRequest)>,
    results: mpsc::Receiver<Action>,
}

impl Worker {
    pub fn start() -> Worker {
        let (requests, inbox) = mpsc::channel::<(Arc<SearchIndex>, SearchRequest)>();
        let (outbox, results) = mpsc::channel();
        thread::spawn(move || {
            while let Ok(mut request) = inbox.recv() {
                while let Ok(newer) = inbox.try_recv() {
                    request = newer;
                }
                let (index, search) = request;
                if !search.query.is_empty() && index.len() > EARLY_CHUNK {
                    let first = Action::ResultsArrived {
                        generation: search.generation,
                        hits: early(&index, &search.query, EARLY_CHUNK, EARLY_SHOWN),
                        early: true,
                    };
                    if outbox.send(first).is_err() {
                        break;
                    }
                }
                let done = Action::ResultsArrived {
                    generation: search.generation,
                    hits: matches(&index, &search.query),
                    early: false,
                };
                if outbox.send(done).is_err() {
                    break;
                }
            }
        });
        Worker { requests, results }
    }

    /// Hands the App's pending search to the worker.
    pub fn send(&self, app: &mut App) {
        if let Some(request) = app.take_pending() {
            let _ = self.requests.send((app.index(), request));
        }
    }

    /// The results that have arrived, as actions.
    pub fn arrived(&self) -> Vec<Action> {
        self.results.try_iter().collect()
    }
}
