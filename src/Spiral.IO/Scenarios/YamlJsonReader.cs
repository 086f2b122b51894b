using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Spiral.IO.Scenarios;

/// <summary>A 1-based line and column in a source file.</summary>
public readonly record struct SourcePosition(int Line, int Column);

/// <summary>
/// A YAML document read as a JSON tree, with the position of every node and every mapping key keyed by JSON
/// pointer (<c>/states/1/gdp</c>). Scalars are typed by the YAML 1.2 core schema; quoted scalars are strings.
/// </summary>
internal sealed class YamlJsonDocument
{
    public JsonNode? Root { get; set; }
    public bool IsEmpty { get; set; }
    public Dictionary<string, SourcePosition> Values { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, SourcePosition> Keys { get; } = new(StringComparer.Ordinal);
    /// <summary>Pointers already reported by the reader (non-finite numbers); later checks skip them.</summary>
    public HashSet<string> Reported { get; } = new(StringComparer.Ordinal);
    public List<(SourcePosition Position, string Pointer, string Message)> Errors { get; } = [];
    /// <summary>A syntax error stopped the reading; <see cref="Root"/> is incomplete.</summary>
    public bool Fatal { get; set; }

    /// <summary>Position of the node at <paramref name="pointer"/>, or of its nearest recorded ancestor.</summary>
    public SourcePosition PositionOf(string pointer, bool preferKey = false)
    {
        var p = pointer;
        while (true)
        {
            if (preferKey && p == pointer && Keys.TryGetValue(p, out var k))
            {
                return k;
            }
            if (Values.TryGetValue(p, out var v))
            {
                return v;
            }
            if (p.Length == 0)
            {
                return new SourcePosition(1, 1);
            }
            p = p[..p.LastIndexOf('/')];
        }
    }
}

/// <summary>
/// Reads YAML with YamlDotNet's parser into a <see cref="YamlJsonDocument"/>. The tree is bounded while it is read
/// (DESIGN.md section 9): at most <see cref="MaxDepth"/> nested sequences and mappings (deeper input would overflow
/// the stack of the recursive reader, the schema check and the parser) and at most <see cref="MaxNodes"/> nodes
/// counting every alias expansion (a "billion laughs" file of nested aliases would otherwise exhaust memory). Either
/// limit stops the reading with an error at the node that crossed it.
/// </summary>
internal static partial class YamlJsonReader
{
    /// <summary>Deepest nesting of sequences and mappings; library scenarios and sweeps use fewer than 8 levels.</summary>
    public const int MaxDepth = 64;

    /// <summary>Most nodes in a document, aliases expanded; a scenario of 100 states and all their dyads has about 30,000.</summary>
    public const int MaxNodes = 1_000_000;

    public static YamlJsonDocument Read(string text)
    {
        var doc = new YamlJsonDocument();
        var reader = new Reader(text, doc);
        reader.Run();
        return doc;
    }

    public static string Escape(string key) => key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private sealed class Reader(string text, YamlJsonDocument doc)
    {
        private readonly Parser _parser = new(new StringReader(text));
        private readonly Dictionary<string, (JsonNode? Node, long Nodes, int Height)> _anchors = new(StringComparer.Ordinal);
        private readonly Stack<(char Open, Mark Start)> _flow = new();
        private long _nodes;
        private int _depth;

        public void Run()
        {
            try
            {
                Next();
                Expect<StreamStart>();
                if (Current is StreamEnd)
                {
                    doc.IsEmpty = true;
                    return;
                }
                Expect<DocumentStart>();
                doc.Root = ReadNode("", record: true);
                Expect<DocumentEnd>();
                if (Current is DocumentStart second)
                {
                    doc.Errors.Add((Pos(second.Start), "", "a second YAML document ('---') was found; expected exactly one scenario per file"));
                }
                if (doc.Root is null && doc.Errors.Count == 0)
                {
                    doc.IsEmpty = true;
                }
            }
            catch (LimitException ex)
            {
                doc.Fatal = true;
                doc.Errors.Add((Pos(ex.At), "", ex.Message));
            }
            catch (YamlException ex)
            {
                doc.Fatal = true;
                doc.Errors.Add((Pos(ex.Start), "", $"YAML syntax error: {Clean(ex.Message)}"));
            }
            catch (InvalidOperationException)
            {
                // YamlDotNet throws this without a position on some unterminated flow collections.
                doc.Fatal = true;
                var end = EndOfText(text);
                var message = _flow.Count > 0
                    ? $"YAML syntax error: the flow collection '{_flow.Peek().Open}' opened at line {_flow.Peek().Start.Line}, column {_flow.Peek().Start.Column} is not closed; expected '{(_flow.Peek().Open == '[' ? ']' : '}')}' before the end of the file"
                    : "YAML syntax error: unexpected end of the file";
                doc.Errors.Add((end, "", message));
            }
        }

        private ParsingEvent? Current => _parser.Current;

        private void Next() => _parser.MoveNext();

        private void Expect<T>() where T : ParsingEvent
        {
            if (Current is not T)
            {
                var at = Current?.Start ?? Mark.Empty;
                throw new YamlException(at, at, $"expected {typeof(T).Name}, found {Current?.GetType().Name ?? "end of input"}");
            }
            Next();
        }

        private JsonNode? ReadNode(string pointer, bool record)
        {
            var ev = Current ?? throw new InvalidOperationException("unexpected end of input");
            if (record)
            {
                doc.Values[pointer] = Pos(ev.Start);
            }
            var nodesBefore = _nodes;
            switch (ev)
            {
                case AnchorAlias alias:
                    Next();
                    if (!_anchors.TryGetValue(alias.Value.Value, out var target))
                    {
                        throw new YamlException(alias.Start, alias.End, $"unknown alias '*{alias.Value.Value}'");
                    }
                    Count(alias.Start, target.Nodes);
                    if (_depth + target.Height > MaxDepth)
                    {
                        throw new LimitException(alias.Start,
                            $"the alias '*{alias.Value.Value}' nests the document deeper than {MaxDepth} levels; expected at most {MaxDepth} levels of nested sequences and mappings");
                    }
                    return target.Node?.DeepClone();
                case Scalar scalar:
                {
                    Next();
                    Count(scalar.Start, 1);
                    var node = ConvertScalar(scalar, pointer, record);
                    Remember(scalar.Anchor, node, nodesBefore);
                    return node;
                }
                case SequenceStart seq:
                {
                    Enter(seq.Start);
                    if (seq.Style == SequenceStyle.Flow) _flow.Push(('[', seq.Start));
                    Next();
                    var array = new JsonArray();
                    while (Current is not SequenceEnd)
                    {
                        array.Add(ReadNode($"{pointer}/{array.Count}", record));
                    }
                    if (seq.Style == SequenceStyle.Flow) _flow.Pop();
                    Next();
                    _depth--;
                    Remember(seq.Anchor, array, nodesBefore);
                    return array;
                }
                case MappingStart map:
                {
                    Enter(map.Start);
                    if (map.Style == MappingStyle.Flow) _flow.Push(('{', map.Start));
                    Next();
                    var obj = new JsonObject();
                    var firstSeen = new Dictionary<string, Mark>(StringComparer.Ordinal);
                    while (Current is not MappingEnd)
                    {
                        var keyEvent = Current;
                        if (keyEvent is not Scalar key)
                        {
                            var at = keyEvent?.Start ?? Mark.Empty;
                            doc.Errors.Add((Pos(at), pointer, "a mapping key must be a plain string; expected `key: value`"));
                            ReadNode(pointer, record: false);
                            ReadNode(pointer, record: false);
                            continue;
                        }
                        Next();
                        var child = $"{pointer}/{Escape(key.Value)}";
                        if (firstSeen.TryGetValue(key.Value, out var first))
                        {
                            doc.Errors.Add((Pos(key.Start), child,
                                $"duplicate key '{key.Value}' (first given at line {first.Line}, column {first.Column}); each key may appear only once"));
                            ReadNode(child, record: false);
                            continue;
                        }
                        firstSeen[key.Value] = key.Start;
                        if (record)
                        {
                            doc.Keys[child] = Pos(key.Start);
                        }
                        obj[key.Value] = ReadNode(child, record);
                    }
                    if (map.Style == MappingStyle.Flow) _flow.Pop();
                    Next();
                    _depth--;
                    Remember(map.Anchor, obj, nodesBefore);
                    return obj;
                }
                default:
                    throw new YamlException(ev.Start, ev.End, $"unexpected {ev.GetType().Name}");
            }
        }

        /// <summary>Counts <paramref name="nodes"/> new nodes (one, or an alias's expansion) against <see cref="MaxNodes"/>.</summary>
        private void Count(Mark at, long nodes)
        {
            _nodes += nodes;
            if (_nodes > MaxNodes)
            {
                throw new LimitException(at,
                    $"the document has more than {MaxNodes:N0} nodes (aliases expanded); expected a smaller file (nested aliases that repeat a node millions of times are refused)");
            }
        }

        private void Enter(Mark at)
        {
            Count(at, 1);
            if (++_depth > MaxDepth)
            {
                throw new LimitException(at, $"sequences and mappings are nested deeper than {MaxDepth} levels here; expected at most {MaxDepth} levels");
            }
        }

        private void Remember(AnchorName anchor, JsonNode? node, long nodesBefore)
        {
            if (!anchor.IsEmpty)
            {
                _anchors[anchor.Value] = (node, _nodes - nodesBefore, Height(node));
            }
        }

        /// <summary>Levels of sequences and mappings in <paramref name="node"/> (at most <see cref="MaxDepth"/>: the reader refused deeper trees).</summary>
        private static int Height(JsonNode? node) => node switch
        {
            JsonArray a => 1 + a.Select(Height).DefaultIfEmpty(0).Max(),
            JsonObject o => 1 + o.Select(p => Height(p.Value)).DefaultIfEmpty(0).Max(),
            _ => 0,
        };

        private JsonNode? ConvertScalar(Scalar scalar, string pointer, bool record)
        {
            var v = scalar.Value;
            var tag = scalar.Tag.IsEmpty ? "" : scalar.Tag.Value;
            if (scalar.Style != ScalarStyle.Plain || tag == "tag:yaml.org,2002:str")
            {
                return JsonValue.Create(v);
            }
            if (v.Length == 0 || v is "~" or "null" or "Null" or "NULL")
            {
                return null;
            }
            if (v is "true" or "True" or "TRUE")
            {
                return JsonValue.Create(true);
            }
            if (v is "false" or "False" or "FALSE")
            {
                return JsonValue.Create(false);
            }
            if (IntPattern().IsMatch(v))
            {
                if (long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
                {
                    return JsonValue.Create(l);
                }
            }
            if (v.StartsWith("0x", StringComparison.Ordinal) && long.TryParse(v.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
            {
                return JsonValue.Create(hex);
            }
            if (NonFinitePattern().IsMatch(v) || (FloatPattern().IsMatch(v) && !double.IsFinite(double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture))))
            {
                if (record)
                {
                    doc.Errors.Add((Pos(scalar.Start), pointer, $"'{v}' is not a finite number; expected a finite number (NaN and infinities are not allowed)"));
                    doc.Reported.Add(pointer);
                }
                return null;
            }
            if (FloatPattern().IsMatch(v))
            {
                return JsonValue.Create(double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture));
            }
            return JsonValue.Create(v);
        }

        private static SourcePosition Pos(Mark mark) => new((int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

        private static string Clean(string message)
        {
            // YamlDotNet prefixes "(Line: 1, Col: 2, Idx: 1) - (Line: ...): "; the position is reported separately.
            var i = message.IndexOf("): ", StringComparison.Ordinal);
            return message.StartsWith("(Line", StringComparison.Ordinal) && i >= 0 ? message[(i + 3)..] : message;
        }
    }

    /// <summary>The document crossed <see cref="MaxDepth"/> or <see cref="MaxNodes"/> at <see cref="At"/>.</summary>
    private sealed class LimitException(Mark at, string message) : Exception(message)
    {
        public Mark At { get; } = at;
    }

    private static SourcePosition EndOfText(string text)
    {
        var line = 1;
        var column = 1;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                line++;
                column = 1;
            }
            else if (c != '\r')
            {
                column++;
            }
        }
        return new SourcePosition(line, column);
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();

    [GeneratedRegex(@"^([-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$")]
    private static partial Regex NonFinitePattern();
}
