namespace Tidemark.Templating;

/// <summary>The words inside an action (Go's text/template lexer items, the subset Tidemark reads).</summary>
internal enum TokenKind
{
    Field,
    Dot,
    Variable,
    Identifier,
    String,
    Number,
    Bool,
    Nil,
    LeftParen,
    RightParen,
    Pipe,
    Comma,
    Declare,
    Assign,
    End,
}
