namespace PublishPipeline.Validation.Narrative;

/// <summary>What a sentence of the narrative says about the report's own numbers.</summary>
public enum StatementKind
{
    /// <summary>收到/受理/新收 N 件 (table 三 一, or 一 + 二 when it says 含上年结转).</summary>
    Received,

    /// <summary>上年结转 N 件 (table 三 二).</summary>
    CarriedIn,

    /// <summary>办结/答复/办理 N 件 (table 三 (七)总计, or 总计 − (六) when it says 答复).</summary>
    Handled,

    /// <summary>结转下年度 N 件 (table 三 四).</summary>
    CarriedOut,

    /// <summary>A result category count: 予以公开, 部分公开, 不予公开, 无法提供, 不予处理, 其他处理, 撤回, 不予补正 … (<see cref="NarrativeStatement.Category"/>).</summary>
    ResultCount,

    /// <summary>行政复议 N 件 / 行政诉讼 N 件 (<see cref="NarrativeStatement.Group"/>).</summary>
    CaseCount,

    /// <summary>复议纠错 N 件 / 诉讼败诉 N 件, or 未被纠错 (value 0).</summary>
    CorrectedCount,

    /// <summary>未发生行政复议/行政诉讼.</summary>
    NoCases,

    /// <summary>均获维持.</summary>
    AllUpheld,

    /// <summary>正在办理中 / 尚未审结.</summary>
    Pending,

    /// <summary>主动公开规章/规范性文件 N 件 (<see cref="NarrativeStatement.Category"/> rules or normative_docs).</summary>
    ProactiveCount,

    /// <summary>共 N 条，其中 a 条、b 条…: <see cref="NarrativeStatement.Parts"/> should add up to the value.</summary>
    ListTotal,

    /// <summary>A second "其中" sentence restating a total's own label with another number (共141条 … 其中主动公开17条).</summary>
    RestatedTotal,

    /// <summary>未收到…申请 (scope in <see cref="NarrativeStatement.Group"/>: all, organisations, natural).</summary>
    NoRequests,

    /// <summary>自然人 N 件 / 法人或其他组织 N 件, or 均为自然人 (value null).</summary>
    ApplicantCount,

    /// <summary>信息处理费: 未收取 (value 0) or an amount.</summary>
    Fee,
}
