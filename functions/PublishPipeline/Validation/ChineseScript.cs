using System.Buffers;
using System.Collections.Frozen;
using System.Text;

namespace PublishPipeline.Validation;

/// <summary>
/// Traditional-only characters common in these reports and their simplified forms: rules match phrases on the
/// simplified text (C5) and I3 counts what a mirror site converted. Characters shared by both scripts are not listed.
/// </summary>
internal static class ChineseScript
{
    private const string Traditional =
        "規範處決數總計萬項條許強罰費採購額請開屬國機關執複議訴訟結據報權護過類構體團務資訊辦舉審維糾盡產內廢現徵補應稱險穩號們會對發門責級縣鄉鎮區書來為與無個經說諮詢況問題進實動業設組織網戶綜單見" +
        "於時間這裡從後當還將會員們歲處聯繫繼續實際據點專門標準轉傳達運營參與遞難響變檢測預決質量檔案銷監督領導幹部廣東湖並聽證電話傳真郵編" +
        "條例訂製擬頒佈施濟災衛環總統財稅務歷屆圍繞構築積極條件優勢規劃區域鄉村農業糧食畜牧漁業節約護環億萬餘價錢購買賣貨幣銀損壞補償" +
        "請願訴愿議審計統計調查報導態勢導覽網頁鏈結鏈接點擊閱讀覽訪問詢陽陰興舉辦學習講話傳達貫徹落實黨紀風險隱患預警應急災難";

    private const string Simplified =
        "规范处决数总计万项条许强罚费采购额请开属国机关执复议诉讼结据报权护过类构体团务资讯办举审维纠尽产内废现征补应称险稳号们会对发门责级县乡镇区书来为与无个经说咨询况问题进实动业设组织网户综单见" +
        "于时间这里从后当还将会员们岁处联系继续实际据点专门标准转传达运营参与递难响变检测预决质量档案销监督领导干部广东湖并听证电话传真邮编" +
        "条例订制拟颁布施济灾卫环总统财税务历届围绕构筑积极条件优势规划区域乡村农业粮食畜牧渔业节约护环亿万余价钱购买卖货币银损坏补偿" +
        "请愿诉愿议审计统计调查报导态势导览网页链结链接点击阅读览访问询阳阴兴举办学习讲话传达贯彻落实党纪风险隐患预警应急灾难";

    private static readonly FrozenDictionary<char, char> Map = Build();

    /// <summary>The traditional characters of <see cref="Map"/>, for vectorised scans: most texts hold none.</summary>
    public static SearchValues<char> TraditionalCharacters { get; } = SearchValues.Create(Map.Keys.AsSpan());

    public static bool IsTraditional(char ch) => TraditionalCharacters.Contains(ch);

    /// <summary>Maps traditional-only characters to simplified; everything else is kept.</summary>
    public static string Simplify(string text)
    {
        // Most texts are already simplified: find the first traditional character with a vectorised scan.
        var first = text.AsSpan().IndexOfAny(TraditionalCharacters);
        if (first < 0)
        {
            return text;
        }

        StringBuilder? builder = null;
        for (var i = first; i < text.Length; i++)
        {
            if (Map.TryGetValue(text[i], out var simple))
            {
                builder ??= new StringBuilder(text, 0, i, text.Length);
                builder.Append(simple);
            }
            else
            {
                builder?.Append(text[i]);
            }
        }

        return builder?.ToString() ?? text;
    }

    private static FrozenDictionary<char, char> Build()
    {
        var map = new Dictionary<char, char>();
        for (var i = 0; i < Traditional.Length && i < Simplified.Length; i++)
        {
            // Pairs where both sides are the same character are shared by both scripts: not traditional.
            if (Traditional[i] != Simplified[i])
            {
                map.TryAdd(Traditional[i], Simplified[i]);
            }
        }

        return map.ToFrozenDictionary();
    }
}
