using System.Text;

namespace Spiral.Numerics.Text;

/// <summary>
/// Reads CSV text (RFC 4180): fields separated by commas, records by LF or CRLF, a field in double quotes may hold
/// commas, line breaks and doubled quotes (<c>""</c> for one quote). Fields are returned as written, untrimmed.
/// </summary>
public static class Csv
{
    /// <summary>
    /// The records of <paramref name="text"/>, each an array of fields. A blank line is a record with one empty field;
    /// a final line break does not start another record. A carriage return outside quotes is dropped.
    /// </summary>
    public static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    row.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    row.Add(field.ToString());
                    field.Clear();
                    rows.Add(row.ToArray());
                    row.Clear();
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }
        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row.ToArray());
        }
        return rows;
    }

    /// <summary>True for the record of a blank line: one field of nothing but white space.</summary>
    public static bool IsBlank(string[] row) => row.Length == 1 && string.IsNullOrWhiteSpace(row[0]);
}
