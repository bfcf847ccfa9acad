using System.Text;
using System.Text.Json;

namespace Tidemark.IntegrationTests.Redaction;

/// <summary>
/// The forms a secret can take in output, computed here independently of the code under test: raw, base64 alone and
/// as the Basic value of several user names (standard and URL-safe alphabet), percent-encoded in either hex case, and
/// JSON-escaped. Base64 forms are searched without their last group, so a half-redacted value is caught too.
/// </summary>
internal static class SecretForms
{
    public static IReadOnlyList<string> Of(string secret)
    {
        var forms = new List<string> { secret, Uri.EscapeDataString(secret), Uri.EscapeDataString(secret).ToLowerInvariant(), JsonEncodedText.Encode(secret).Value };
        foreach (var plain in new[] { secret, "x-access-token:" + secret, "anyname:" + secret, "tidemark-bot:" + secret, "robot:" + secret })
        {
            var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(plain));
            var prefix = encoded.TrimEnd('=')[..^4];
            forms.Add(prefix);
            forms.Add(prefix.Replace('+', '-').Replace('/', '_'));
        }

        return [.. forms.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Fails naming <paramref name="where"/> when any form of <paramref name="secret"/> is in <paramref name="text"/>.</summary>
    public static void AssertAbsent(string secret, string text, string where)
    {
        foreach (var form in Of(secret))
        {
            Assert.False(text.Contains(form, StringComparison.Ordinal), $"a form of the secret ({form.Length} characters) is in {where}");
        }
    }

    /// <summary>The same over the bytes of every file under <paramref name="root"/> (a state database, a clone and its .git).</summary>
    public static async Task AssertAbsentFromFilesAsync(string secret, string root)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            foreach (var form in Of(secret))
            {
                Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(form)) < 0, $"a form of the secret ({form.Length} characters) is in {file}");
            }
        }
    }
}
