namespace Tidemark.Automation;

/// <summary>
/// A newer tag that an image's policy keeps out, e.g. (<c>nginx</c>, <c>1.27.3</c>, <c>2.0.0</c>, <c>non-breaking</c>):
/// a major update that <c>non-breaking</c> does not take. Listed in <c>plan</c> and the pull request, so it is not
/// only visible under <c>--explain</c>.
/// </summary>
/// <param name="From">The tag in use after this plan (the new tag when the image also moves within its policy).</param>
internal sealed record HeldBackUpdate(string Image, string From, string Tag, string Policy);
