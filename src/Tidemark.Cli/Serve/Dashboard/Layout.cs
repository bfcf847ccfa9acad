using System.Globalization;
using static Tidemark.Cli.Serve.Dashboard.Html;

namespace Tidemark.Cli.Serve.Dashboard;

/// <summary>The page frame (one inline stylesheet, readable from a phone to a wide screen) and the small formatting helpers the pages share.</summary>
internal static class Layout
{
    // system fonts, no scripts, no external resource: the Content-Security-Policy allows only this inline style
    private const string Style = """
        :root{color-scheme:light dark;--fg:#1b1f24;--muted:#5b6570;--bg:#fff;--card:#f6f8fa;--line:#d0d7de;--ok:#1a7f37;--bad:#cf222e;--warn:#9a6700;--link:#0969da}
        @media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9aa5b1;--bg:#0d1117;--card:#161b22;--line:#30363d;--ok:#3fb950;--bad:#f85149;--warn:#d29922;--link:#58a6ff}}
        *{box-sizing:border-box}
        body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg);overflow-wrap:anywhere}
        header{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;align-items:baseline;padding:.7rem 1rem;border-bottom:1px solid var(--line)}
        header strong{font-size:1.1rem}
        nav{display:flex;flex-wrap:wrap;gap:.4rem 1rem}
        main{padding:1rem;max-width:90rem;margin:0 auto}
        a{color:var(--link)}
        h1{font-size:1.35rem;margin:.2rem 0 .8rem}
        h2{font-size:1.1rem;margin:1.4rem 0 .5rem}
        .cards{display:grid;gap:.8rem;grid-template-columns:repeat(auto-fill,minmax(min(100%,22rem),1fr))}
        .card{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:.7rem .9rem;min-width:0}
        .card h2{margin:0 0 .4rem;font-size:1.05rem}
        dl{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.15rem .8rem;margin:0}
        dt{color:var(--muted)}
        dd{margin:0;min-width:0}
        .scroll{overflow-x:auto;max-width:100%}
        table{border-collapse:collapse;width:100%}
        th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;border-bottom:1px solid var(--line);overflow-wrap:break-word}
        th{color:var(--muted);font-weight:600;white-space:nowrap}
        td.why{min-width:14rem}
        code{font:13px ui-monospace,SFMono-Regular,Menlo,monospace}
        .ok{color:var(--ok)} .bad{color:var(--bad)} .warn{color:var(--warn)} .muted{color:var(--muted)}
        .notice{padding:.5rem .8rem;border-left:4px solid var(--ok);background:var(--card);margin:0 0 1rem}
        .notice.bad{border-color:var(--bad)}
        form.inline{display:inline}
        form.filters{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;margin-bottom:.8rem}
        form.filters label{display:flex;flex-direction:column;font-size:.85rem;color:var(--muted)}
        input,select,button{font:inherit;max-width:100%}
        button{cursor:pointer;padding:.25rem .7rem}
        .pager{display:flex;gap:1rem;margin-top:.8rem}
        """;

    public static Html Page(string title, Html body, Html headerExtra = default) => H($"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{title} · Tidemark</title>
        <style>{new Html(Style)}</style>
        </head>
        <body>
        <header><strong>Tidemark</strong><nav><a href="/">Repositories</a><a href="/tokens">Tokens</a><a href="/audit">Audit</a></nav>{headerExtra}</header>
        <main>
        {body}
        </main>
        </body>
        </html>
        """);

    /// <summary>A time in UTC with how long ago or how soon, e.g. <c>2026-12-03 15:04 UTC (5m ago)</c>; a dash when unknown.</summary>
    public static Html When(DateTimeOffset? at, DateTimeOffset now)
    {
        if (at is not { } time)
        {
            return H($"<span class=\"muted\">—</span>");
        }

        var utc = time.ToUniversalTime();
        var iso = utc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var shown = utc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        return H($"<time datetime=\"{iso}\">{shown}</time> <span class=\"muted\">({Relative(time - now)})</span>");
    }

    /// <summary><c>in 4m</c>, <c>3h ago</c>, <c>now</c>.</summary>
    public static string Relative(TimeSpan offset)
    {
        var span = offset.Duration();
        var text = span.TotalSeconds < 1 ? null
            : span.TotalMinutes < 1 ? $"{(int)span.TotalSeconds}s"
            : span.TotalHours < 1 ? $"{(int)span.TotalMinutes}m"
            : span.TotalDays < 2 ? $"{(int)span.TotalHours}h"
            : $"{(int)span.TotalDays}d";
        return text is null ? "now" : offset > TimeSpan.Zero ? $"in {text}" : $"{text} ago";
    }

    public static string Duration(TimeSpan span) =>
        span.TotalSeconds < 60 ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.#}s")
        : span.TotalHours < 1 ? Units((int)span.TotalMinutes, "m", span.Seconds, "s")
        : Units((int)span.TotalHours, "h", span.Minutes, "m");

    /// <summary><c>5m</c>, <c>5m 3s</c>: the smaller unit only when it is not zero.</summary>
    private static string Units(int large, string largeUnit, int small, string smallUnit) =>
        large.ToString(CultureInfo.InvariantCulture) + largeUnit + (small == 0 ? "" : " " + small.ToString(CultureInfo.InvariantCulture) + smallUnit);

    /// <summary>A link to an absolute http(s) address from the state store or the scheduler; plain text for anything else (no <c>javascript:</c> link).</summary>
    public static Html ExternalLink(string? url, string text) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? H($"<a href=\"{uri.AbsoluteUri}\" rel=\"noreferrer noopener\">{text}</a>")
            : H($"{text}");

    /// <summary>The dashboard path of a repository (<c>owner/name</c>): <c>/repos/owner/name</c>, each segment escaped.</summary>
    public static string RepositoryPath(string repository)
    {
        var slash = repository.IndexOf('/', StringComparison.Ordinal);
        return slash < 0
            ? "/repos/" + Uri.EscapeDataString(repository)
            : "/repos/" + Uri.EscapeDataString(repository[..slash]) + "/" + Uri.EscapeDataString(repository[(slash + 1)..]);
    }

    public static Html Table(IEnumerable<string> headings, IEnumerable<Html> rows)
    {
        var body = rows.ToList();
        return body.Count == 0
            ? Empty
            : H($"<div class=\"scroll\"><table><thead><tr>{headings.Select(h => H($"<th>{h}</th>"))}</tr></thead><tbody>{body}</tbody></table></div>");
    }
}
