using System.Text.RegularExpressions;

namespace Tidemark.Images;

/// <summary>
/// The reference grammar of the distribution project
/// (https://github.com/distribution/reference/blob/main/reference.go), with Docker's normalisation
/// (https://github.com/distribution/reference/blob/main/normalize.go):
/// <code>
/// reference := name [ ":" tag ] [ "@" digest ]
/// name      := [domain "/"] path-component ["/" path-component]*
/// domain    := host [":" port]        host := domain-name | IPv4 | "[" IPv6 "]"
/// path-component := [a-z0-9]+ ( ( "." | "_" | "__" | "-"+ ) [a-z0-9]+ )*
/// tag       := [\w][\w.-]{0,127}
/// digest    := algorithm ":" hex      algorithm := [A-Za-z][A-Za-z0-9]* ( [+._-] [A-Za-z][A-Za-z0-9]* )*
/// </code>
/// The first component is a domain when it contains '.' or ':', is <c>localhost</c>, or has upper case.
/// </summary>
internal static partial class ReferenceParser
{
    private const int MaxNameLength = 255;

    public static ReferenceParseResult Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (TemplateSyntax(text) is { } template)
        {
            return new ReferenceParseResult.Unresolvable(text, template);
        }
        if (text.Length == 0)
        {
            return Invalid(text, "name", "the reference is empty");
        }
        if (text.Any(char.IsWhiteSpace))
        {
            return Invalid(text, "name", "a reference cannot contain white space");
        }
        return ParseParts(text);
    }

    private static ReferenceParseResult ParseParts(string text)
    {
        var rest = text;
        string? digest = null;
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            digest = rest[(at + 1)..];
            rest = rest[..at];
            if (DigestError(digest) is { } digestError)
            {
                return Invalid(text, "digest", digestError);
            }
        }
        string? tag = null;
        var colon = rest.LastIndexOf(':');
        if (colon > rest.LastIndexOf('/'))
        {
            tag = rest[(colon + 1)..];
            rest = rest[..colon];
            if (!TagPattern().IsMatch(tag))
            {
                return Invalid(text, "tag", TagError(tag));
            }
        }
        return ParseName(text, rest, tag, digest);
    }

    private static ReferenceParseResult ParseName(string text, string name, string? tag, string? digest)
    {
        if (name.Length == 0)
        {
            return Invalid(text, "name", "the repository name is missing");
        }
        var (domain, path) = SplitDomain(name);
        if (domain is not null && DomainError(domain) is { } domainError)
        {
            return Invalid(text, "domain", domainError);
        }
        if (PathError(path) is { } pathError)
        {
            return Invalid(text, "path", pathError);
        }
        if (name.Length > MaxNameLength)
        {
            return Invalid(text, "name", $"the repository name is {name.Length} characters long; at most {MaxNameLength} are allowed");
        }
        var registry = domain is null or "index.docker.io" ? ImageReference.DockerHub : domain;
        var repository = registry == ImageReference.DockerHub && !path.Contains('/', StringComparison.Ordinal) ? "library/" + path : path;
        return new ReferenceParseResult.Parsed(new ImageReference(registry, repository, tag, digest, name));
    }

    /// <summary>True when <paramref name="name"/>'s first path component is a registry host (docker's rule), e.g. <c>ghcr.io/org/app</c>, not <c>org/app</c>.</summary>
    internal static bool HasDomain(string name) => SplitDomain(name).Domain is not null;

    private static (string? Domain, string Path) SplitDomain(string name)
    {
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return (null, name);
        }
        var first = name[..slash];
        var isDomain = first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal)
            || first == "localhost" || first.Any(char.IsUpper);
        return isDomain ? (first, name[(slash + 1)..]) : (null, name);
    }

    private static string? DomainError(string domain)
    {
        if (domain.StartsWith('['))
        {
            var close = domain.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || !System.Net.IPAddress.TryParse(domain[1..close], out var ip) || ip.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
            {
                return $"\"{domain}\" is not a valid bracketed IPv6 address";
            }
            return PortError(domain[(close + 1)..], domain);
        }
        var colon = domain.IndexOf(':', StringComparison.Ordinal);
        var host = colon < 0 ? domain : domain[..colon];
        if (!HostPattern().IsMatch(host))
        {
            return $"\"{host}\" is not a valid registry host (letters, digits and '-' in dot-separated parts, not starting or ending with '-')";
        }
        return colon < 0 ? null : PortError(domain[colon..], domain);
    }

    private static string? PortError(string portPart, string domain)
    {
        if (portPart.Length == 0)
        {
            return null;
        }
        return portPart[0] == ':' && portPart.Length > 1 && portPart[1..].All(char.IsAsciiDigit)
            ? null
            : $"\"{domain}\" has an invalid port (expected ':' followed by digits)";
    }

    private static string? PathError(string path)
    {
        foreach (var component in path.Split('/'))
        {
            if (component.Length == 0)
            {
                return "the repository path has an empty component (a doubled or trailing '/')";
            }
            if (component.Any(char.IsUpper))
            {
                return $"repository name component \"{component}\" must be lower case";
            }
            if (!PathComponentPattern().IsMatch(component))
            {
                return $"repository name component \"{component}\" is invalid: use lower-case letters and digits, separated by '.', '_', '__' or dashes";
            }
        }
        return null;
    }

    private static string? DigestError(string digest)
    {
        var colon = digest.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !DigestAlgorithmPattern().IsMatch(digest[..colon]))
        {
            return $"digest \"{digest}\" must be ALGORITHM:HEX, e.g. sha256:<64 hex digits>";
        }
        var algorithm = digest[..colon];
        var hex = digest[(colon + 1)..];
        var expected = algorithm switch { "sha256" => 64, "sha384" => 96, "sha512" => 128, _ => 0 };
        if (!hex.All(char.IsAsciiHexDigit))
        {
            return $"digest \"{digest}\" must have only hexadecimal digits after '{algorithm}:'";
        }
        if (expected > 0 && hex.Length != expected)
        {
            return $"a {algorithm} digest has {expected} hexadecimal digits, \"{digest}\" has {hex.Length}";
        }
        if (hex.Length < 32)
        {
            return $"digest \"{digest}\" must have at least 32 hexadecimal digits after '{algorithm}:'";
        }
        return expected > 0 && hex.Any(char.IsUpper) ? $"digest \"{digest}\" must use lower-case hexadecimal digits" : null;
    }

    private static string TagError(string tag) => tag.Length switch
    {
        0 => "the tag after ':' is empty",
        > 128 => $"the tag is {tag.Length} characters long; at most 128 are allowed",
        _ => $"tag \"{tag}\" is invalid: it must start with a letter, digit or '_' and contain only letters, digits, '_', '.' and '-'",
    };

    private static string? TemplateSyntax(string text)
    {
        if (text.Contains("{{", StringComparison.Ordinal))
        {
            return "contains template syntax ({{ … }}); the value is only known after rendering";
        }
        if (text.Contains("${", StringComparison.Ordinal) || text.Contains("$(", StringComparison.Ordinal) || VariablePattern().IsMatch(text))
        {
            return "contains a variable ($VAR, ${VAR} or $(VAR)); the value is only known after substitution";
        }
        return null;
    }

    private static ReferenceParseResult.Invalid Invalid(string text, string part, string message) => new(text, part, message);

    [GeneratedRegex(@"^[\w][\w.-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*$", RegexOptions.CultureInvariant)]
    private static partial Regex HostPattern();

    [GeneratedRegex(@"^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex PathComponentPattern();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9]*(?:[+._-][A-Za-z][A-Za-z0-9]*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex DigestAlgorithmPattern();

    [GeneratedRegex(@"\$[A-Za-z_]", RegexOptions.CultureInvariant)]
    private static partial Regex VariablePattern();
}
