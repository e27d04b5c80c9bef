//! Text output for people: colour only where wanted, and catalog text made harmless for a terminal.

use std::borrow::Cow;
use std::io::{self, Write};
#[cfg(unix)]
use std::os::fd::AsFd;

use anstyle::{AnsiColor, Style};
use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};

use crate::cli::args::ColorChoice;

/// Whether to colour: `always`, `never`, or on a terminal when `NO_COLOR` is unset or empty.
pub fn use_color(choice: ColorChoice, is_terminal: bool, no_color: Option<&str>) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => is_terminal && no_color.is_none_or(str::is_empty),
    }
}

pub use crate::catalog::sanitize::{is_unsafe, visible};

/// Standard output for commands. Its errors say that they are standard output's, so that a closed
/// pipe there (`privcat list | head`) can end a command quietly while one on standard error cannot;
/// and a closed standard output is an error rather than output silently lost.
pub struct Stdout {
    inner: io::Stdout,
    /// Whether standard output is closed, once asked.
    closed: Option<bool>,
}

/// An error writing to standard output.
#[derive(Debug, thiserror::Error)]
#[error("cannot write to standard output: {0}")]
pub struct OnStdout(io::Error);

impl Stdout {
    pub fn new() -> Stdout {
        Stdout {
            inner: io::stdout(),
            closed: None,
        }
    }

    fn tag(e: io::Error) -> io::Error {
        io::Error::new(e.kind(), OnStdout(e))
    }

    fn check(&mut self) -> io::Result<()> {
        if *self.closed.get_or_insert_with(stdout_is_closed) {
            return Err(Stdout::tag(closed()));
        }
        Ok(())
    }
}

impl Default for Stdout {
    fn default() -> Stdout {
        Stdout::new()
    }
}

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.check()?;
        self.inner.write(buf).map_err(Stdout::tag)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush().map_err(Stdout::tag)
    }
}

/// Why nothing is written to a closed standard output.
pub fn closed() -> io::Error {
    io::Error::other("it is closed, so the output would be lost (to discard it, redirect it to /dev/null)")
}

/// Whether `err` is a closed pipe on standard output: the reader has all it wanted, so the command
/// ends successfully. A closed pipe anywhere else is an error.
pub fn is_stdout_pipe_closed(err: &anyhow::Error) -> bool {
    err.chain().any(|c| {
        c.downcast_ref::<io::Error>().is_some_and(|io| {
            io.kind() == io::ErrorKind::BrokenPipe
                && io
                    .get_ref()
                    .is_some_and(<dyn std::error::Error + Send + Sync>::is::<OnStdout>)
        })
    })
}

/// Whether standard output was closed when privcat started. The Rust runtime opens `/dev/null`
/// for reading and writing in place of a closed standard stream, so that is what a closed output
/// looks like from here; a shell's `>/dev/null` opens it for writing only.
#[cfg(unix)]
pub fn stdout_is_closed() -> bool {
    use std::os::unix::fs::{FileTypeExt, MetadataExt};
    let Ok(own) = io::stdout().as_fd().try_clone_to_owned().map(std::fs::File::from) else {
        return true;
    };
    let (Ok(meta), Ok(null)) = (own.metadata(), std::fs::metadata("/dev/null")) else {
        return false;
    };
    let read_write = rustix::fs::fcntl_getfl(&own)
        .is_ok_and(|flags| flags & rustix::fs::OFlags::RWMODE == rustix::fs::OFlags::RDWR);
    meta.file_type().is_char_device() && meta.rdev() == null.rdev() && read_write
}

#[cfg(not(unix))]
pub fn stdout_is_closed() -> bool {
    false
}

/// `serde_json`'s pretty output with every character that [`is_unsafe`] finds escaped as `\uXXXX`
/// (`serde_json` escapes C0 controls itself, but not C1 controls or bidirectional overrides).
struct SafePretty<'a>(PrettyFormatter<'a>);

impl Formatter for SafePretty<'_> {
    fn write_string_fragment<W: ?Sized + Write>(&mut self, writer: &mut W, fragment: &str) -> io::Result<()> {
        let mut rest = fragment;
        while let Some((at, c)) = rest.char_indices().find(|&(_, c)| is_unsafe(c)) {
            writer.write_all(&rest.as_bytes()[..at])?;
            write!(writer, "\\u{:04x}", u32::from(c))?;
            rest = &rest[at + c.len_utf8()..];
        }
        writer.write_all(rest.as_bytes())
    }

    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// Writes `value` as pretty JSON and a newline, as it is serialised (never whole in memory), with
/// every unsafe character escaped.
pub fn write_json<T: Serialize + ?Sized>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    let mut serializer =
        serde_json::Serializer::with_formatter(&mut *out, SafePretty(PrettyFormatter::new()));
    value.serialize(&mut serializer).map_err(io::Error::from)?;
    writeln!(out)
}

/// [`write_json`] as a string, without the newline.
pub fn json_text(value: &serde_json::Value) -> String {
    let mut bytes = Vec::new();
    // Writing to memory cannot fail, and serde_json writes UTF-8.
    let _ = write_json(&mut bytes, value);
    bytes.pop();
    String::from_utf8(bytes).unwrap_or_default()
}

/// The styles of text output.
pub mod style {
    use super::{AnsiColor, Style};

    pub const TITLE: Style = Style::new()
        .bold()
        .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Cyan)));
    pub const LABEL: Style = Style::new().bold();
    pub const DIM: Style = Style::new().dimmed();
    pub const ID: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Yellow)));
    pub const ADDED: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Green)));
    pub const REMOVED: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Red)));
    pub const HEADING: Style = Style::new()
        .bold()
        .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Magenta)));
    pub const GROUP: Style = Style::new()
        .bold()
        .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Blue)));
}

/// Standard output for text: colours when enabled, and escaping when it is a terminal.
pub struct Out<'w> {
    writer: &'w mut dyn Write,
    pub color: bool,
    pub escape: bool,
    /// Wrap width for long paragraphs, when writing to a terminal.
    pub width: Option<usize>,
}

impl<'w> Out<'w> {
    pub fn new(writer: &'w mut dyn Write, color: bool, escape: bool, width: Option<usize>) -> Out<'w> {
        Out {
            writer,
            color,
            escape,
            width,
        }
    }

    /// `text` made safe and styled for this output.
    pub fn paint(&self, text: &str, style: Style) -> String {
        let text = if self.escape {
            visible(text)
        } else {
            Cow::Borrowed(text)
        };
        if self.color && style != Style::new() {
            format!("{style}{text}{style:#}")
        } else {
            text.into_owned()
        }
    }

    /// Writes one line.
    pub fn line(&mut self, line: &str) -> io::Result<()> {
        writeln!(self.writer, "{line}")
    }

    /// The writer, for output that needs no styling (JSON, CSV).
    pub fn raw(&mut self) -> &mut dyn Write {
        self.writer
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_only_where_wanted() {
        assert!(use_color(ColorChoice::Auto, true, None));
        assert!(use_color(ColorChoice::Auto, true, Some("")));
        assert!(!use_color(ColorChoice::Auto, true, Some("1")));
        assert!(!use_color(ColorChoice::Auto, false, None));
        assert!(use_color(ColorChoice::Always, false, Some("1")));
        assert!(!use_color(ColorChoice::Never, true, None));
    }

    #[test]
    fn json_escapes_every_unsafe_character() {
        let v = serde_json::json!({"q": "a\u{202e}b\u{85}c\u{1b}"});
        let text = json_text(&v);
        assert!(text.contains("a\\u202eb\\u0085c\\u001b"), "{text}");
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, v);
    }
}
