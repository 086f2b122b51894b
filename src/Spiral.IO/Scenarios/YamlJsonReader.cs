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

/// <summary>Reads YAML with YamlDotNet's parser into a <see cref="YamlJsonDocument"/>.</summary>
internal static partial class YamlJsonReader
{
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
        private readonly Dictionary<string, JsonNode?> _anchors = new(StringComparer.Ordinal);
        private readonly Stack<(char Open, Mark Start)> _flow = new();

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
            switch (ev)
            {
                case AnchorAlias alias:
                    Next();
                    if (!_anchors.TryGetValue(alias.Value.Value, out var target))
                    {
                        throw new YamlException(alias.Start, alias.End, $"unknown alias '*{alias.Value.Value}'");
                    }
                    return target?.DeepClone();
                case Scalar scalar:
                {
                    Next();
                    var node = ConvertScalar(scalar, pointer, record);
                    Remember(scalar.Anchor, node);
                    return node;
                }
                case SequenceStart seq:
                {
                    if (seq.Style == SequenceStyle.Flow) _flow.Push(('[', seq.Start));
                    Next();
                    var array = new JsonArray();
                    while (Current is not SequenceEnd)
                    {
                        array.Add(ReadNode($"{pointer}/{array.Count}", record));
                    }
                    if (seq.Style == SequenceStyle.Flow) _flow.Pop();
                    Next();
                    Remember(seq.Anchor, array);
                    return array;
                }
                case MappingStart map:
                {
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
                    Remember(map.Anchor, obj);
                    return obj;
                }
                default:
                    throw new YamlException(ev.Start, ev.End, $"unexpected {ev.GetType().Name}");
            }
        }

        private void Remember(AnchorName anchor, JsonNode? node)
        {
            if (!anchor.IsEmpty)
            {
                _anchors[anchor.Value] = node;
            }
        }

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
