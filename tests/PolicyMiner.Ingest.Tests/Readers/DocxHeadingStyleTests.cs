using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PolicyMiner.Ingest.Tests.Readers;

using DocumentFormat = PolicyMiner.Core.Documents.DocumentFormat;

/// <summary>Word headings without numbers (a Heading 1 / 标题 1 style, or an outline level on the paragraph) are sections of
/// the document, nested by outline level and together with numbered headings, as numbered headings already are.</summary>
public sealed class DocxHeadingStyleTests
{
    [Fact]
    public void Read_UnnumberedHeadingStyles_BecomeNestedSections()
    {
        var docx = Write(
            ("Title", "青川市科技创新行动方案（样例文件，地区与数据均为虚构）"),
            ("Heading1", "总体要求"),
            (null, "坚持创新驱动，到2025年全市研发投入强度达到3%。"),
            ("Heading2", "发展目标"),
            (null, "高新技术企业数量达到500家以上。"),
            ("Heading1", "保障措施"),
            (null, "加强组织领导。"));

        var document = Read(docx);

        Assert.Equal(
            [(1, "", "总体要求"), (2, "", "发展目标"), (1, "", "保障措施")],
            document.Sections.Select(s => (s.Level, s.Number, s.Heading)));
        var goals = document.Sections[1];
        Assert.Equal("发展目标\n高新技术企业数量达到500家以上。", document.Text[goals.Span.Start..goals.Span.End]);
        var requirements = document.Sections[0];
        Assert.Contains("高新技术企业", document.Text[requirements.Span.Start..requirements.Span.End], StringComparison.Ordinal);
        Assert.DoesNotContain("加强组织领导", document.Text[requirements.Span.Start..requirements.Span.End], StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ChineseStyleNamesAndDirectOutlineLevels_AreHeadingsToo()
    {
        var docx = Write(
            ("a1", "主要任务"),
            ("outline:1", "推进平台建设"),
            (null, "新建省级以上创新平台10个。"),
            ("a1", "组织实施"),
            (null, "各部门按职责推进。"));

        var document = Read(docx);

        Assert.Equal(
            [(1, "主要任务"), (2, "推进平台建设"), (1, "组织实施")],
            document.Sections.Select(s => (s.Level, s.Heading)));
    }

    [Fact]
    public void Read_StyledHeadingOverTypedNumbers_HoldsTheNumberedItems()
    {
        var docx = Write(
            ("Heading1", "重点任务"),
            (null, "一、培育创新主体。新增高新技术企业50家。"),
            (null, "二、建设创新平台。新建平台5个。"),
            ("Heading1", "保障措施"),
            (null, "一、加强领导。"));

        var document = Read(docx);

        Assert.Equal(
            [(1, "", "重点任务"), (2, "一", "培育创新主体"), (2, "二", "建设创新平台"), (1, "", "保障措施"), (2, "一", "加强领导")],
            document.Sections.Select(s => (s.Level, s.Number, s.Heading)));
    }

    [Fact]
    public void Read_BodyTextStyledLikeAHeadingButNotAHeadingStyle_IsNoSection()
    {
        var docx = Write(("Title", "样例文件"), (null, "正文第一段。"), ("Normal", "正文第二段。"));

        Assert.Empty(Read(docx).Sections);
    }

    private static Core.Documents.PolicyDocument Read(byte[] docx)
    {
        var result = new DocumentReader().Read(docx, "styled.docx", DocumentFormat.Docx);
        Assert.True(result.Succeeded, result.Message);
        OffsetChecks.AssertMapsBack(result.Document);
        return result.Document;
    }

    // Paragraphs with a style id (Heading1/Heading2 named "heading N", a1 named "标题 1", Title), "outline:N" for a direct
    // outline level on an unstyled paragraph, or null for body text.
    private static byte[] Write(params (string? Style, string Text)[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, global::DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles(
                new Style(new StyleName { Val = "Normal" }) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
                new Style(new StyleName { Val = "Title" }, new BasedOn { Val = "Normal" }) { Type = StyleValues.Paragraph, StyleId = "Title" },
                new Style(new StyleName { Val = "heading 1" }, new BasedOn { Val = "Normal" }) { Type = StyleValues.Paragraph, StyleId = "Heading1" },
                new Style(new StyleName { Val = "heading 2" }, new BasedOn { Val = "Normal" }) { Type = StyleValues.Paragraph, StyleId = "Heading2" },
                new Style(new StyleName { Val = "标题 1" }, new BasedOn { Val = "Normal" }) { Type = StyleValues.Paragraph, StyleId = "a1" });
            var body = new Body();
            foreach (var (style, text) in paragraphs)
            {
                var properties = new ParagraphProperties();
                if (style?.StartsWith("outline:", StringComparison.Ordinal) == true)
                {
                    properties.Append(new OutlineLevel { Val = int.Parse(style["outline:".Length..], System.Globalization.CultureInfo.InvariantCulture) });
                }
                else if (style is not null)
                {
                    properties.Append(new ParagraphStyleId { Val = style });
                }

                body.Append(new Paragraph(properties, new Run(new Text(text))));
            }

            main.Document = new Document(body);
        }

        return stream.ToArray();
    }
}
