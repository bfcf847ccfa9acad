namespace Tidemark.Templating;

/// <summary>The control structures of the supported template subset.</summary>
internal enum ControlKind
{
    If,
    With,
    Range,
}
