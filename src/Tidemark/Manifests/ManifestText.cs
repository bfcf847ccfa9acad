using System.Text;

namespace Tidemark.Manifests;

/// <summary>
/// Lossless text of a manifest file: UTF-8 decoded with a BOM kept as the character U+FEFF, so spans are offsets
/// into the file's full text and <see cref="Encode"/> gives back the original bytes (BOM and CRLF included)
/// wherever the text was not edited.
/// </summary>
internal static class ManifestText
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The decoded text, or null when the bytes are not UTF-8.</summary>
    public static string? Decode(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            return Strict.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>The bytes to write back: a leading U+FEFF becomes the UTF-8 BOM again, nothing is added.</summary>
    public static byte[] Encode(string text) => Strict.GetBytes(text);
}
