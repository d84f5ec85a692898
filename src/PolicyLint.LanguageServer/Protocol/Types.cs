using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PolicyLint.LanguageServer.Protocol;

// The subset of the Language Server Protocol (3.17) that the server speaks. Property names follow the specification
// (camelCase through the serializer context); absent optional values are left out of the output.

internal sealed class Position
{
    public Position() { }
    public Position(int line, int character) { Line = line; Character = character; }
    public int Line { get; set; }
    public int Character { get; set; }
}

internal sealed class Range
{
    public Range() { }
    public Range(Position start, Position end) { Start = start; End = end; }
    public Position Start { get; set; } = new();
    public Position End { get; set; } = new();
}

internal sealed class LspLocation
{
    public string Uri { get; set; } = "";
    public Range Range { get; set; } = new();
}

internal sealed class TextDocumentIdentifier
{
    public string Uri { get; set; } = "";
    public int? Version { get; set; }
}

internal sealed class TextDocumentItem
{
    public string Uri { get; set; } = "";
    public string? LanguageId { get; set; }
    public int Version { get; set; }
    public string Text { get; set; } = "";
}

internal sealed class DidOpenTextDocumentParams
{
    public TextDocumentItem TextDocument { get; set; } = new();
}

internal sealed class TextDocumentContentChangeEvent
{
    public Range? Range { get; set; }
    public string Text { get; set; } = "";
}

internal sealed class DidChangeTextDocumentParams
{
    public TextDocumentIdentifier TextDocument { get; set; } = new();
    public List<TextDocumentContentChangeEvent> ContentChanges { get; set; } = new();
}

internal sealed class TextDocumentParams
{
    public TextDocumentIdentifier TextDocument { get; set; } = new();
}

internal sealed class TextDocumentPositionParams
{
    public TextDocumentIdentifier TextDocument { get; set; } = new();
    public Position Position { get; set; } = new();
}

internal sealed class CodeDescription
{
    public string Href { get; set; } = "";
}

internal sealed class DiagnosticRelatedInformation
{
    public LspLocation Location { get; set; } = new();
    public string Message { get; set; } = "";
}

internal sealed class LspDiagnostic
{
    public Range Range { get; set; } = new();
    public int? Severity { get; set; }
    public string? Code { get; set; }
    public CodeDescription? CodeDescription { get; set; }
    public string? Source { get; set; }
    public string Message { get; set; } = "";
    public List<DiagnosticRelatedInformation>? RelatedInformation { get; set; }
}

internal sealed class PublishDiagnosticsParams
{
    public string Uri { get; set; } = "";
    public int? Version { get; set; }
    public List<LspDiagnostic> Diagnostics { get; set; } = new();
}

internal sealed class WorkspaceFolder
{
    public string Uri { get; set; } = "";
    public string? Name { get; set; }
}

internal sealed class InitializeParams
{
    public int? ProcessId { get; set; }
    public string? RootUri { get; set; }
    public string? RootPath { get; set; }
    public List<WorkspaceFolder>? WorkspaceFolders { get; set; }
    public JsonElement Capabilities { get; set; }
    public JsonElement InitializationOptions { get; set; }
}

internal sealed class InitializeResult
{
    public ServerCapabilities Capabilities { get; set; } = new();
    public ServerInfo ServerInfo { get; set; } = new();
}

internal sealed class ServerInfo
{
    public string Name { get; set; } = "policylint";
    public string? Version { get; set; }
}

internal sealed class ServerCapabilities
{
    public TextDocumentSyncOptions TextDocumentSync { get; set; } = new();
    public CodeActionOptions CodeActionProvider { get; set; } = new();
    public CompletionOptions CompletionProvider { get; set; } = new();
    public bool HoverProvider { get; set; } = true;
    public DiagnosticOptions DiagnosticProvider { get; set; } = new();
}

internal sealed class TextDocumentSyncOptions
{
    public bool OpenClose { get; set; } = true;
    /// <summary>2: incremental.</summary>
    public int Change { get; set; } = 2;
    public SaveOptions Save { get; set; } = new();
}

internal sealed class SaveOptions
{
    public bool IncludeText { get; set; }
}

internal sealed class CodeActionOptions
{
    public List<string> CodeActionKinds { get; set; } = new();
}

internal sealed class CompletionOptions
{
    public List<string> TriggerCharacters { get; set; } = new();
}

internal sealed class DiagnosticOptions
{
    public string Identifier { get; set; } = "policylint";
    public bool InterFileDependencies { get; set; } = true;
    public bool WorkspaceDiagnostics { get; set; }
}

internal sealed class CodeActionParams
{
    public TextDocumentIdentifier TextDocument { get; set; } = new();
    public Range Range { get; set; } = new();
    public CodeActionContext Context { get; set; } = new();
}

internal sealed class CodeActionContext
{
    public List<LspDiagnostic> Diagnostics { get; set; } = new();
    public List<string>? Only { get; set; }
}

internal sealed class LspTextEdit
{
    public Range Range { get; set; } = new();
    public string NewText { get; set; } = "";
}

internal sealed class WorkspaceEdit
{
    public Dictionary<string, List<LspTextEdit>> Changes { get; set; } = new();
}

internal sealed class CodeAction
{
    public string Title { get; set; } = "";
    public string? Kind { get; set; }
    public List<LspDiagnostic>? Diagnostics { get; set; }
    public bool? IsPreferred { get; set; }
    public WorkspaceEdit? Edit { get; set; }
}

internal sealed class CompletionItem
{
    public string Label { get; set; } = "";
    /// <summary>17 file, 19 folder, 18 reference.</summary>
    public int? Kind { get; set; }
    public string? Detail { get; set; }
    public string? SortText { get; set; }
    public string? FilterText { get; set; }
    public LspTextEdit? TextEdit { get; set; }
}

internal sealed class CompletionList
{
    public bool IsIncomplete { get; set; }
    public List<CompletionItem> Items { get; set; } = new();
}

internal sealed class MarkupContent
{
    public string Kind { get; set; } = "markdown";
    public string Value { get; set; } = "";
}

internal sealed class Hover
{
    public MarkupContent Contents { get; set; } = new();
    public Range? Range { get; set; }
}

internal sealed class DocumentDiagnosticParams
{
    public TextDocumentIdentifier TextDocument { get; set; } = new();
    public string? Identifier { get; set; }
    public string? PreviousResultId { get; set; }
}

internal sealed class FullDocumentDiagnosticReport
{
    public string Kind { get; set; } = "full";
    public string? ResultId { get; set; }
    public List<LspDiagnostic> Items { get; set; } = new();
}

internal sealed class FileEvent
{
    public string Uri { get; set; } = "";
    /// <summary>1 created, 2 changed, 3 deleted.</summary>
    public int Type { get; set; }
}

internal sealed class DidChangeWatchedFilesParams
{
    public List<FileEvent> Changes { get; set; } = new();
}

internal sealed class CancelParams
{
    public JsonElement Id { get; set; }
}

internal sealed class LogMessageParams
{
    /// <summary>1 error, 2 warning, 3 info, 4 log.</summary>
    public int Type { get; set; }
    public string Message { get; set; } = "";
}

internal sealed class RegistrationParams
{
    public List<Registration> Registrations { get; set; } = new();
}

internal sealed class Registration
{
    public string Id { get; set; } = "";
    public string Method { get; set; } = "";
    public DidChangeWatchedFilesRegistrationOptions? RegisterOptions { get; set; }
}

internal sealed class DidChangeWatchedFilesRegistrationOptions
{
    public List<FileWatcher> Watchers { get; set; } = new();
}

internal sealed class FileWatcher
{
    public string GlobPattern { get; set; } = "";
    /// <summary>1 create, 2 change, 4 delete (or-ed).</summary>
    public int? Kind { get; set; }
}

internal sealed class ResponseError
{
    public int Code { get; set; }
    public string Message { get; set; } = "";
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DidOpenTextDocumentParams))]
[JsonSerializable(typeof(DidChangeTextDocumentParams))]
[JsonSerializable(typeof(TextDocumentParams))]
[JsonSerializable(typeof(TextDocumentPositionParams))]
[JsonSerializable(typeof(PublishDiagnosticsParams))]
[JsonSerializable(typeof(InitializeParams))]
[JsonSerializable(typeof(InitializeResult))]
[JsonSerializable(typeof(CodeActionParams))]
[JsonSerializable(typeof(List<CodeAction>))]
[JsonSerializable(typeof(CompletionList))]
[JsonSerializable(typeof(Hover))]
[JsonSerializable(typeof(DocumentDiagnosticParams))]
[JsonSerializable(typeof(FullDocumentDiagnosticReport))]
[JsonSerializable(typeof(DidChangeWatchedFilesParams))]
[JsonSerializable(typeof(CancelParams))]
[JsonSerializable(typeof(LogMessageParams))]
[JsonSerializable(typeof(RegistrationParams))]
[JsonSerializable(typeof(ResponseError))]
internal sealed partial class LspJsonContext : JsonSerializerContext;
