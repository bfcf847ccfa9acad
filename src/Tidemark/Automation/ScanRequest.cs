using Tidemark.Images;

namespace Tidemark.Automation;

/// <summary>One image to scan: as the user gave it, parsed, and the policy that decides its tag.</summary>
internal sealed record ScanRequest(string Image, ImageReference Reference, ResolvedPolicy Policy);
