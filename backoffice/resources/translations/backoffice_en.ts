<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name></name>
    <message>
        <source>考核指标（%）与目标</source>
        <translation>KPIs (%) and targets</translation>
    </message>
    <message>
        <source>实际</source>
        <translation>Actual</translation>
    </message>
    <message>
        <source>目标</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>时效预警</source>
        <translation>Deadline warnings</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>黄色预警</source>
        <translation>Yellow warnings</translation>
    </message>
    <message>
        <source>红色预警</source>
        <translation>Red warnings</translation>
    </message>
    <message>
        <source>未决案件账龄（天）</source>
        <translation>Age of open cases (days)</translation>
    </message>
    <message>
        <source>未决案件</source>
        <translation>Open cases</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>密钥</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>核赔权限</source>
        <translation>Approval authority</translation>
    </message>
    <message>
        <source>委托</source>
        <translation>Delegate</translation>
    </message>
    <message>
        <source>工作日历</source>
        <translation>Working-day calendar</translation>
    </message>
    <message>
        <source>时效规则</source>
        <translation>Deadline rules</translation>
    </message>
    <message>
        <source>正在读取用户…</source>
        <translation>Loading users…</translation>
    </message>
    <message>
        <source>共 {n} 个用户。</source>
        <translation>{n} users.</translation>
    </message>
    <message>
        <source>读取用户时程序出错，请查看日志。</source>
        <translation>The program failed while loading users; see the log.</translation>
    </message>
</context>
<context>
    <name>ApprovalTrail</name>
    <message>
        <source>轮次</source>
        <translation>Round</translation>
    </message>
    <message>
        <source>审批级别</source>
        <translation>Approval level</translation>
    </message>
    <message>
        <source>签批人</source>
        <translation>Signer</translation>
    </message>
    <message>
        <source>结论</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>权限表版本</source>
        <translation>Matrix version</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>本案还没有核赔签批记录。</source>
        <translation>This case has no approval signatures yet.</translation>
    </message>
    <message>
        <source>理算金额：{amount} 元</source>
        <translation>Calculated amount: {amount} yuan</translation>
    </message>
    <message>
        <source>核定金额：{amount} 元</source>
        <translation>Approved amount: {amount} yuan</translation>
    </message>
    <message>
        <source>待第 {level} 级审批（最高第 {top} 级）</source>
        <translation>Waiting at level {level} (up to level {top})</translation>
    </message>
    <message>
        <source>{signer}（{level} 级）</source>
        <translation>{signer} (level {level})</translation>
    </message>
    <message>
        <source>已作废</source>
        <translation>Voided</translation>
    </message>
    <message>
        <source>有效</source>
        <translation>Valid</translation>
    </message>
</context>
<context>
    <name>Approvals</name>
    <message>
        <source>同意</source>
        <translation>Agree</translation>
    </message>
    <message>
        <source>退回</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>拒赔</source>
        <translation>Deny</translation>
    </message>
</context>
<context>
    <name>ApprovalsPage</name>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>案件号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <source>险类</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>审批级别</source>
        <translation>Approval level</translation>
    </message>
    <message>
        <source>风险提示</source>
        <translation>Risk flags</translation>
    </message>
    <message>
        <source>经办人</source>
        <translation>Handler</translation>
    </message>
    <message>
        <source>等待自</source>
        <translation>Waiting since</translation>
    </message>
    <message>
        <source>期限</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>请在上面的队列中选择一个案件。</source>
        <translation>Select a case in the queue above.</translation>
    </message>
    <message>
        <source>同意</source>
        <translation>Agree</translation>
    </message>
    <message>
        <source>退回</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>拒赔</source>
        <translation>Deny</translation>
    </message>
    <message>
        <source>拒赔需要第 3 级及以上的核赔权限。</source>
        <translation>Denial needs approval authority of level 3 or above.</translation>
    </message>
    <message>
        <source>待您审批：{n} 件</source>
        <translation>Waiting for you: {n}</translation>
    </message>
    <message>
        <source>{level} / {top}</source>
        <translation>{level} / {top}</translation>
    </message>
    <message>
        <source>临期</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>案件 {case_no}：正在读取…</source>
        <translation>Case {case_no}: loading…</translation>
    </message>
    <message>
        <source>案件 {case_no} · {status}</source>
        <translation>Case {case_no} · {status}</translation>
    </message>
    <message>
        <source>这个案件现在不能由您审批。</source>
        <translation>You cannot approve this case now.</translation>
    </message>
    <message>
        <source>案件 {case_no} 已签批，现在的状态：{status}。</source>
        <translation>Case {case_no} signed; its status is now: {status}.</translation>
    </message>
    <message>
        <source>程序出错，请查看日志。</source>
        <translation>The program failed; please see the log.</translation>
    </message>
</context>
<context>
    <name>Archive</name>
    <message>
        <source>有效</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>已被新版本取代</source>
        <translation>Superseded by a newer version</translation>
    </message>
    <message>
        <source>永久</source>
        <translation>Permanent</translation>
    </message>
    <message>
        <source>30年</source>
        <translation>30 years</translation>
    </message>
    <message>
        <source>10年</source>
        <translation>10 years</translation>
    </message>
</context>
<context>
    <name>ArchivePage</name>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>案件号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <source>结案日期</source>
        <translation>Closed on</translation>
    </message>
    <message>
        <source>险类</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>结案原因</source>
        <translation>Closing reason</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>按封卷时的方式生成案卷并显示，不登记、不改变案件</source>
        <translation>Build the volume as sealing would and show it, without registering anything or changing the case</translation>
    </message>
    <message>
        <source>封卷</source>
        <translation>Seal</translation>
    </message>
    <message>
        <source>生成并封存案卷，登记摘要，案件变为只读</source>
        <translation>Build and seal the volume, register its digests; the case becomes read-only</translation>
    </message>
    <message>
        <source>批量归档</source>
        <translation>Batch archive</translation>
    </message>
    <message>
        <source>为待归档队列中的全部案件逐件立卷封存</source>
        <translation>Build and seal a volume for every case in the queue, one by one</translation>
    </message>
    <message>
        <source>档号</source>
        <translation>Archive no.</translation>
    </message>
    <message>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>保管期限</source>
        <translation>Retention</translation>
    </message>
    <message>
        <source>SHA-256 摘要</source>
        <translation>SHA-256 digest</translation>
    </message>
    <message>
        <source>封存时间</source>
        <translation>Sealed at</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>校验</source>
        <translation>Verify</translation>
    </message>
    <message>
        <source>校验所选案卷的文件是否与封存时一致</source>
        <translation>Check that the selected volume&apos;s file is unchanged since sealing</translation>
    </message>
    <message>
        <source>校验文件…</source>
        <translation>Verify file…</translation>
    </message>
    <message>
        <source>选择任意案卷文件（例如交出的副本）进行校验</source>
        <translation>Choose any volume file (for example a copy handed out) to verify</translation>
    </message>
    <message>
        <source>批量归档的结果将显示在这里。</source>
        <translation>The result of a batch run will be shown here.</translation>
    </message>
    <message>
        <source>校验结果</source>
        <translation>Verification</translation>
    </message>
    <message>
        <source>批量归档结果</source>
        <translation>Batch result</translation>
    </message>
    <message>
        <source>待归档案件</source>
        <translation>Cases waiting for a volume</translation>
    </message>
    <message>
        <source>已归档案卷</source>
        <translation>Sealed volumes</translation>
    </message>
    <message>
        <source>待归档：{n} 件</source>
        <translation>Waiting: {n}</translation>
    </message>
    <message>
        <source>最近封存的 {n} 卷</source>
        <translation>The {n} most recently sealed volumes</translation>
    </message>
    <message>
        <source>已登记案卷：{n} 卷</source>
        <translation>Registered volumes: {n}</translation>
    </message>
    <message>
        <source>重新立卷（已有 {n} 版）</source>
        <translation>Re-issue ({n} earlier version(s))</translation>
    </message>
    <message>
        <source>（未屏蔽）</source>
        <translation> (unmasked)</translation>
    </message>
    <message>
        <source>正在为案件 {case_no} 立卷封存…</source>
        <translation>Building and sealing the volume of case {case_no}…</translation>
    </message>
    <message>
        <source>案件 {case_no} 已封卷：档号 {archive_no} 第 {version} 版，{pages} 页，摘要 {digest}。文件：{path}</source>
        <translation>Case {case_no} is sealed: archive no. {archive_no} version {version}, {pages} pages, digest {digest}. File: {path}</translation>
    </message>
    <message>
        <source>选择要校验的案卷文件</source>
        <translation>Choose the volume file to verify</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>校验时程序出错，请查看日志。</source>
        <translation>The program failed while verifying; see the log.</translation>
    </message>
    <message>
        <source>程序出错，请查看日志。</source>
        <translation>The program failed; see the log.</translation>
    </message>
</context>
<context>
    <name>AttachmentPreview</name>
    <message>
        <source>附件 #{id} 预览</source>
        <translation>Attachment #{id} preview</translation>
    </message>
    <message>
        <source>正在解密附件…</source>
        <translation>Decrypting the attachment…</translation>
    </message>
    <message>
        <source>类型 {type} · {size}</source>
        <translation>Type {type} · {size}</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>无法显示这个图片。</source>
        <translation>This image cannot be shown.</translation>
    </message>
    <message>
        <source>无法显示这个 PDF 文件。</source>
        <translation>This PDF file cannot be shown.</translation>
    </message>
    <message>
        <source>打开附件时程序出错，请查看日志。</source>
        <translation>The program failed while opening the attachment; see the log.</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>记录内容或签名被改动</source>
        <translation>a record&apos;s content or signature was changed</translation>
    </message>
    <message>
        <source>序号缺失、多出或顺序被调换</source>
        <translation>a sequence number is missing, extra or out of order</translation>
    </message>
    <message>
        <source>签名所用的密钥版本未知</source>
        <translation>the key version used for the signature is unknown</translation>
    </message>
    <message>
        <source>链尾的记录被删除</source>
        <translation>records at the end of the chain were deleted</translation>
    </message>
    <message>
        <source>校验审计链</source>
        <translation>Verify audit chain</translation>
    </message>
    <message>
        <source>每条审计记录都用只有本系统知道的密钥串联签名。校验会逐条核对，发现被修改、删除、插入或调换顺序的记录时，指出第一条有问题的序号。</source>
        <translation>Every audit record is signed in a chain with a key only this system knows. Verification checks each record and, if any was edited, deleted, inserted or reordered, names the first bad sequence number.</translation>
    </message>
    <message>
        <source>正在校验…</source>
        <translation>Verifying…</translation>
    </message>
    <message>
        <source>审计链完好：已校验 {n} 条记录。</source>
        <translation>The audit chain is intact: {n} records verified.</translation>
    </message>
    <message>
        <source>审计链有问题：从第 {seq} 条记录起不可信（{problem}）。请保留数据库副本，并通知系统管理员和主管。</source>
        <translation>The audit chain is broken: records from number {seq} on cannot be trusted ({problem}). Keep a copy of the database and inform the system administrator and the supervisor.</translation>
    </message>
    <message>
        <source>另有 {n} 条登录失败记录等待封存（下一次操作时写入审计链）。</source>
        <translation>{n} failed sign-in records are waiting to be sealed (they enter the chain with the next action).</translation>
    </message>
    <message>
        <source>校验时程序出错，请查看日志。</source>
        <translation>The program failed during verification; see the log.</translation>
    </message>
</context>
<context>
    <name>AuthorityTab</name>
    <message>
        <source>金额单位：元，每案；留空或填“不限”表示不限额。双击单元格修改，勾选框设置拒赔权和通融赔付权。高一级的权限不得低于低一级；拒赔权、通融赔付权授予某一级后，更高各级也须具有。</source>
        <translation>Amounts in yuan per case; leave empty or enter “不限” for no limit. Double-click a cell to change it; the check boxes set denial and ex-gratia authority. A higher level&apos;s limit may not be below the level beneath it; once a level has denial or ex-gratia authority, every higher level must have it too.</translation>
    </message>
    <message>
        <source>撤销修改</source>
        <translation>Undo changes</translation>
    </message>
    <message>
        <source>保存为新版本…</source>
        <translation>Save as new version…</translation>
    </message>
    <message>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>保存时间</source>
        <translation>Saved at</translation>
    </message>
    <message>
        <source>修改人</source>
        <translation>Changed by</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>历史版本</source>
        <translation>Earlier versions</translation>
    </message>
    <message>
        <source>系统默认</source>
        <translation>System default</translation>
    </message>
    <message>
        <source>当前权限表：第 {v} 版 · {who} · {when} · {note}</source>
        <translation>Current authority matrix: version {v} · {who} · {when} · {note}</translation>
    </message>
    <message>
        <source>第 {v} 版</source>
        <translation>Version {v}</translation>
    </message>
    <message>
        <source>权限表没有改动。</source>
        <translation>The authority matrix has not been changed.</translation>
    </message>
    <message>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>权限表已保存为第 {v} 版。</source>
        <translation>The authority matrix was saved as version {v}.</translation>
    </message>
    <message>
        <source>读取或保存权限表时程序出错，请查看日志。</source>
        <translation>The program failed while reading or saving the authority matrix; please see the log.</translation>
    </message>
</context>
<context>
    <name>BatchPanel</name>
    <message>
        <source>%v / %m</source>
        <translation>%v / %m</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>正在准备…</source>
        <translation>Preparing…</translation>
    </message>
    <message>
        <source>正在归档第 {n} / {m} 件：{case_no}</source>
        <translation>Archiving {n} of {m}: {case_no}</translation>
    </message>
    <message>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>当前案件完成后停止…</source>
        <translation>Stopping after the current case…</translation>
    </message>
</context>
<context>
    <name>CalculationInputs</name>
    <message>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>值</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>提示</source>
        <translation>Hints</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>添加字段</source>
        <translation>Add field</translation>
    </message>
    <message>
        <source>列表和对象字段（JSON 对象），例如 {&quot;deductible_rates&quot;: [&quot;0.1&quot;]}</source>
        <translation>List and object fields (a JSON object), e.g. {&quot;deductible_rates&quot;: [&quot;0.1&quot;]}</translation>
    </message>
    <message>
        <source>数值字段（留空则使用默认值）</source>
        <translation>Numeric fields (leave empty for the default)</translation>
    </message>
    <message>
        <source>列表与对象字段（JSON）</source>
        <translation>List and object fields (JSON)</translation>
    </message>
</context>
<context>
    <name>CalculationTab</name>
    <message>
        <source>以此为基础新建</source>
        <translation>New version based on this</translation>
    </message>
    <message>
        <source>本次理算的说明（可选），例如：补充维修项目</source>
        <translation>Note on this calculation (optional), e.g. additional repair items</translation>
    </message>
    <message>
        <source>保存理算</source>
        <translation>Save calculation</translation>
    </message>
    <message>
        <source>打印计算书…</source>
        <translation>Print calculation sheet…</translation>
    </message>
    <message>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>理算版本（新的在前；点一行查看）</source>
        <translation>Calculation versions (newest first; click a row to view it)</translation>
    </message>
    <message>
        <source>编辑区有未保存的修改。用 v{n} 的内容替换它们吗？</source>
        <translation>The editing area has unsaved changes. Replace them with the contents of v{n}?</translation>
    </message>
    <message>
        <source>已将 v{n} 复制到编辑区：修改后点“保存理算”即保存为新版本。</source>
        <translation>v{n} was copied into the editing area: change it, then click &quot;Save calculation&quot; to save it as a new version.</translation>
    </message>
    <message>
        <source>当前版本</source>
        <translation>current version</translation>
    </message>
    <message>
        <source>旧版本，仅供查看</source>
        <translation>older version, view only</translation>
    </message>
    <message>
        <source>只读：v{n}（{state}）· 合计 {total} 元</source>
        <translation>Read-only: v{n} ({state}) · total {total} yuan</translation>
    </message>
    <message>
        <source>编辑区：新的理算（保存后成为 v1）</source>
        <translation>Editing: a new calculation (becomes v1 when saved)</translation>
    </message>
    <message>
        <source>编辑区：有未保存的修改</source>
        <translation>Editing: unsaved changes</translation>
    </message>
    <message>
        <source>编辑区：基于 v{n}，有未保存的修改</source>
        <translation>Editing: based on v{n}, with unsaved changes</translation>
    </message>
    <message>
        <source>编辑区：与 v{n} 相同</source>
        <translation>Editing: same as v{n}</translation>
    </message>
    <message>
        <source>正在查看已保存的版本（只读）：点“以此为基础新建”复制到编辑区，修改后再保存。</source>
        <translation>You are viewing a saved version (read-only): click &quot;New version based on this&quot; to copy it into the editing area, change it there and save.</translation>
    </message>
    <message>
        <source>请先改正第 {rows} 行标出的输入。</source>
        <translation>First correct the marked input in line(s) {rows}.</translation>
    </message>
    <message>
        <source>编辑区与当前版本 v{n} 相同：修改后才能保存为新版本。</source>
        <translation>The editing area is the same as the current version v{n}: change something before saving a new version.</translation>
    </message>
    <message>
        <source>把编辑区的全部行保存为新的理算版本，旧版本保留</source>
        <translation>Save every line of the editing area as a new calculation version; earlier versions are kept</translation>
    </message>
    <message>
        <source>把这个版本的全部行复制到编辑区，作为新版本的基础</source>
        <translation>Copy every line of this version into the editing area as the base of a new version</translation>
    </message>
    <message>
        <source>先在“版本”中选择一个已保存的版本</source>
        <translation>First choose a saved version under &quot;Version&quot;</translation>
    </message>
    <message>
        <source>打印计算书（v{n}）…</source>
        <translation>Print calculation sheet (v{n})…</translation>
    </message>
    <message>
        <source>把 v{n} 的赔款计算书保存为 PDF</source>
        <translation>Save the calculation sheet of v{n} as PDF</translation>
    </message>
    <message>
        <source>编辑区有未保存的修改：请先保存，或在“版本”中选择要打印的版本。</source>
        <translation>The editing area has unsaved changes: save them first, or choose the version to print under &quot;Version&quot;.</translation>
    </message>
    <message>
        <source>已保存理算版本 v{version}（{count} 行），赔款合计 {amount} 元。</source>
        <translation>Calculation version v{version} saved ({count} lines), total {amount} yuan.</translation>
    </message>
    <message>
        <source>{name}（保额 {amount}）</source>
        <translation>{name} (sum insured {amount})</translation>
    </message>
    <message>
        <source>读取理算时程序出错，请查看日志。</source>
        <translation>The program failed while reading the calculation; please see the log.</translation>
    </message>
    <message>
        <source>只有理赔内勤可以理算。</source>
        <translation>Only claims clerks can calculate.</translation>
    </message>
    <message>
        <source>只有材料齐全、已理算或被退回的案件可以理算。</source>
        <translation>Only cases with complete materials, already calculated or returned can be calculated.</translation>
    </message>
    <message>
        <source>案件还没有保存的理算，无法打印计算书。</source>
        <translation>The case has no saved calculation; the calculation sheet cannot be printed.</translation>
    </message>
    <message>
        <source>保存理算时程序出错，请查看日志。</source>
        <translation>The program failed while saving the calculation; please see the log.</translation>
    </message>
</context>
<context>
    <name>CalendarTab</name>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>星期</source>
        <translation>Weekday</translation>
    </message>
    <message>
        <source>安排</source>
        <translation>Arrangement</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>休息日（放假）</source>
        <translation>Day off (holiday)</translation>
    </message>
    <message>
        <source>工作日（调休上班）</source>
        <translation>Working day (make-up workday)</translation>
    </message>
    <message>
        <source>依据，例如：国务院办公厅放假通知，或本地安排</source>
        <translation>Basis, e.g. the State Council holiday notice or a local arrangement</translation>
    </message>
    <message>
        <source>添加或修改</source>
        <translation>Add or change</translation>
    </message>
    <message>
        <source>删除所选</source>
        <translation>Delete selected</translation>
    </message>
    <message>
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>调整优先于 chinesecalendar 的节假日安排。修改后，所有未结束案件的期限会立即重新计算。</source>
        <translation>Overrides take precedence over chinesecalendar&apos;s holidays. After a change, the deadlines of all open cases are recomputed at once.</translation>
    </message>
    <message>
        <source>周一</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>周二</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>周三</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>周四</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>周五</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>周六</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>周日</source>
        <translation>Sun</translation>
    </message>
    <message>
        <source>{year} 年的法定节假日和调休上班日来自 chinesecalendar（收录 {first}–{last} 年）；下列调整优先。</source>
        <translation>The statutory holidays and make-up workdays of {year} come from chinesecalendar (which covers {first}–{last}); the overrides below take precedence.</translation>
    </message>
    <message>
        <source>chinesecalendar 没有 {year} 年的安排（收录 {first}–{last} 年）；管理员已标记本年节假日全部录入：按下列调整和周一至周五计算。</source>
        <translation>chinesecalendar does not cover {year} (it covers {first}–{last}); an administrator has marked this year&apos;s holidays as fully entered: deadlines use the overrides below and Monday to Friday.</translation>
    </message>
    <message>
        <source>注意：chinesecalendar 没有 {year} 年的节假日安排（收录 {first}–{last} 年），本年也未标记为已完整录入。落在该年的期限暂按周一至周五推算，并带有“工作日历未包含”的提示。请按国务院办公厅的放假通知逐日录入放假和调休上班日，然后点击“标记本年已完整录入”。</source>
        <translation>Warning: chinesecalendar has no holiday arrangement for {year} (it covers {first}–{last}), and this year has not been marked as fully entered. Deadlines in this year are provisionally computed with Monday to Friday and carry a “calendar not covered” note. Enter each holiday and make-up workday from the State Council notice, then click “Mark year as fully entered”.</translation>
    </message>
    <message>
        <source>撤销“已完整录入”标记</source>
        <translation>Withdraw “fully entered” mark</translation>
    </message>
    <message>
        <source>标记本年已完整录入</source>
        <translation>Mark year as fully entered</translation>
    </message>
    <message>
        <source>已保存 {day} 的调整</source>
        <translation>The override for {day} was saved</translation>
    </message>
    <message>
        <source>已删除 {day} 的调整</source>
        <translation>The override for {day} was deleted</translation>
    </message>
    <message>
        <source>已标记 {year} 年节假日全部录入</source>
        <translation>{year} marked as fully entered</translation>
    </message>
    <message>
        <source>已撤销 {year} 年的“已完整录入”标记</source>
        <translation>The “fully entered” mark of {year} was withdrawn</translation>
    </message>
    <message>
        <source>修改工作日历时程序出错，请查看日志。</source>
        <translation>The program failed while changing the working-day calendar; please see the log.</translation>
    </message>
    <message>
        <source>读取工作日历时程序出错，请查看日志。</source>
        <translation>The program failed while reading the working-day calendar; please see the log.</translation>
    </message>
</context>
<context>
    <name>CallbackDialog</name>
    <message>
        <source>赔后回访 {case_no}</source>
        <translation>Callback {case_no}</translation>
    </message>
    <message>
        <source>非常满意</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <source>一般</source>
        <translation>Neutral</translation>
    </message>
    <message>
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <source>非常不满意</source>
        <translation>Very dissatisfied</translation>
    </message>
    <message>
        <source>未询问</source>
        <translation>Not asked</translation>
    </message>
    <message>
        <source>认为及时</source>
        <translation>Timely</translation>
    </message>
    <message>
        <source>认为不及时</source>
        <translation>Not timely</translation>
    </message>
    <message>
        <source>客户提出异议（须在 1 个工作日内联系客户）</source>
        <translation>The customer raised an issue (contact them within 1 working day)</translation>
    </message>
    <message>
        <source>异议内容或其他备注</source>
        <translation>The issue raised, or other remarks</translation>
    </message>
    <message>
        <source>回访时间</source>
        <translation>Callback time</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>满意度</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>赔付是否及时</source>
        <translation>Payment timely?</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>记录回访</source>
        <translation>Record callback</translation>
    </message>
    <message>
        <source>请选择满意度。</source>
        <translation>Please choose the satisfaction.</translation>
    </message>
    <message>
        <source>客户提出异议时，请记录异议内容。</source>
        <translation>When the customer raises an issue, please record what it is.</translation>
    </message>
    <message>
        <source>内容过长（最多 {n} 个字符）。</source>
        <translation>The text is too long (at most {n} characters).</translation>
    </message>
    <message>
        <source>记录时程序出错，请查看日志。</source>
        <translation>An error occurred while recording; please see the log.</translation>
    </message>
</context>
<context>
    <name>CaseApprovalTab</name>
    <message>
        <source>提交核赔</source>
        <translation>Submit for approval</translation>
    </message>
    <message>
        <source>理赔决定通知书…</source>
        <translation>Settlement decision letter…</translation>
    </message>
    <message>
        <source>拒赔通知书…</source>
        <translation>Denial letter…</translation>
    </message>
    <message>
        <source>正在读取案件…</source>
        <translation>Reading the case…</translation>
    </message>
    <message>
        <source>材料尚未齐全，不能提交核赔：请先收齐必备单证。</source>
        <translation>The documents are not complete, so the case cannot be submitted: collect the mandatory documents first.</translation>
    </message>
    <message>
        <source>只有已理算或已退回的案件可以提交核赔：请先在“理算”页保存理算。</source>
        <translation>Only a calculated or returned case can be submitted: save a calculation on the Calculation tab first.</translation>
    </message>
    <message>
        <source>案件核定赔款后才能打印理赔决定通知书。</source>
        <translation>The settlement decision letter can be printed once the amount is approved.</translation>
    </message>
    <message>
        <source>只有拒赔的案件才有拒赔通知书。</source>
        <translation>Only a denied case has a denial letter.</translation>
    </message>
    <message>
        <source>已提交核赔：由第 {level} 级审批。</source>
        <translation>Submitted for approval: level {level} signs.</translation>
    </message>
    <message>
        <source>已提交核赔：逐级审批，第 {first} 级至第 {last} 级。</source>
        <translation>Submitted for approval: level by level, from level {first} to level {last}.</translation>
    </message>
    <message>
        <source>提交核赔时程序出错，请查看日志。</source>
        <translation>The program failed while submitting the case; see the log.</translation>
    </message>
</context>
<context>
    <name>CaseArchiveTab</name>
    <message>
        <source>正在读取归档信息…</source>
        <translation>Reading the archive information…</translation>
    </message>
    <message>
        <source>档号</source>
        <translation>Archive no.</translation>
    </message>
    <message>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>保管期限</source>
        <translation>Retention</translation>
    </message>
    <message>
        <source>页数</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>SHA-256 摘要</source>
        <translation>SHA-256 digest</translation>
    </message>
    <message>
        <source>立卷人</source>
        <translation>Filed by</translation>
    </message>
    <message>
        <source>封存时间</source>
        <translation>Sealed at</translation>
    </message>
    <message>
        <source>文件 SHA-256</source>
        <translation>File SHA-256</translation>
    </message>
    <message>
        <source>内容摘要</source>
        <translation>Content digest</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>立卷</source>
        <translation>Filed</translation>
    </message>
    <message>
        <source>调阅…</source>
        <translation>Retrieve…</translation>
    </message>
    <message>
        <source>调出重开…</source>
        <translation>Retrieve to reopen…</translation>
    </message>
    <message>
        <source>本案没有有效的归档案卷。</source>
        <translation>This case has no active archive volume.</translation>
    </message>
    <message>
        <source>调出案卷并把案件恢复为已结案，以便重开。</source>
        <translation>Take out the volume and return the case to closed, so that it can be reopened.</translation>
    </message>
    <message>
        <source>只有已归档的案件可以调出重开。</source>
        <translation>Only an archived case can be retrieved for reopening.</translation>
    </message>
    <message>
        <source>调出重开 {no}</source>
        <translation>Retrieve {no} to reopen</translation>
    </message>
    <message>
        <source>调阅案卷 {no}</source>
        <translation>Retrieve volume {no}</translation>
    </message>
    <message>
        <source>调出后案件恢复为“已结案”，可以重开；再次归档时将立新版案卷，旧版摘要保留。</source>
        <translation>The case returns to closed and can be reopened; archiving it again makes a new version of the volume, and the old digest stays on record.</translation>
    </message>
    <message>
        <source>调阅将记入调阅登记和审计日志。</source>
        <translation>The retrieval is recorded in the retrieval log and the audit trail.</translation>
    </message>
    <message>
        <source>调阅理由，例如：客户申诉复查、审计抽查</source>
        <translation>Reason for the retrieval, e.g. review of a customer appeal, audit sample</translation>
    </message>
    <message>
        <source>调出重开</source>
        <translation>Retrieve to reopen</translation>
    </message>
    <message>
        <source>调阅</source>
        <translation>Retrieve</translation>
    </message>
    <message>
        <source>已登记调阅：档号 {no} 第 {version} 版，文件 {path}</source>
        <translation>Retrieval recorded: archive number {no}, version {version}, file {path}</translation>
    </message>
    <message>
        <source>。案件已恢复为已结案，可以在“支付与结案”页重开。</source>
        <translation>. The case is closed again and can be reopened on the Payment and closing tab.</translation>
    </message>
    <message>
        <source>尚未归档：案件已结案，等待档案管理员立卷封存。</source>
        <translation>Not archived yet: the case is closed and waits for the archivist to seal its volume.</translation>
    </message>
    <message>
        <source>尚未归档：结案后由档案管理员立卷封存。</source>
        <translation>Not archived yet: the archivist files and seals the volume after the case is closed.</translation>
    </message>
    <message>
        <source>案卷已调出，案件不再处于归档状态（当前状态：{status}）：以下为已封存的版本，再次封卷时将立新版。</source>
        <translation>The volume was retrieved and the case is no longer archived (now: {status}); below are the sealed versions, and sealing again issues a new version.</translation>
    </message>
    <message>
        <source>已归档：档号 {archive_no} 第 {version} 版，保管期限 {retention}。</source>
        <translation>Archived: archive no. {archive_no} version {version}, retention {retention}.</translation>
    </message>
    <message>
        <source>（未屏蔽）</source>
        <translation> (unmasked)</translation>
    </message>
    <message>
        <source>{no}（第 {version} 版，{status}）</source>
        <translation>{no} (version {version}, {status})</translation>
    </message>
    <message>
        <source>{path}（{size}）</source>
        <translation>{path} ({size})</translation>
    </message>
    <message>
        <source>{name} · {at}</source>
        <translation>{name} · {at}</translation>
    </message>
    <message>
        <source>读取归档信息时程序出错，请查看日志。</source>
        <translation>The program failed while reading the archive information; see the log.</translation>
    </message>
</context>
<context>
    <name>CaseAuditTab</name>
    <message>
        <source>序号</source>
        <translation>Seq.</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>Object</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>本案的审计记录只有审计员可以查看。</source>
        <translation>Only auditors can see this case&apos;s audit records.</translation>
    </message>
    <message>
        <source>正在读取审计记录…</source>
        <translation>Reading the audit records…</translation>
    </message>
    <message>
        <source>本案及其附件共 {n} 条审计记录（按序号）。</source>
        <translation>{n} audit records of this case and its attachments (by sequence number).</translation>
    </message>
    <message>
        <source>读取审计记录时程序出错，请查看日志。</source>
        <translation>The program failed while reading the audit records; see the log.</translation>
    </message>
</context>
<context>
    <name>CaseContactsTab</name>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>方向</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>内容摘要</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>记录人</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <source>联系内容摘要，例如：电话告知客户补交诊断证明</source>
        <translation>Summary, e.g. phoned the customer to send the diagnosis certificate</translation>
    </message>
    <message>
        <source>添加记录</source>
        <translation>Add entry</translation>
    </message>
    <message>
        <source>新的联系记录</source>
        <translation>New contact entry</translation>
    </message>
    <message>
        <source>记录时程序出错，请查看日志。</source>
        <translation>The program failed while recording; see the log.</translation>
    </message>
</context>
<context>
    <name>CaseDeadlinesTab</name>
    <message>
        <source>环节</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>开始</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>到期日</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>暂停天数</source>
        <translation>Days paused</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>预警</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>延期</source>
        <translation>Extension</translation>
    </message>
    <message>
        <source>法定时限不能由公司延期；公司标准时限可申请延期，写明原因，由主管批准后到期日才改变。</source>
        <translation>Statutory periods cannot be extended by the office; an office-standard deadline can be extended on request with a reason, and the due date changes only after a supervisor approves.</translation>
    </message>
    <message>
        <source>申请延期…</source>
        <translation>Request extension…</translation>
    </message>
    <message>
        <source>批准延期…</source>
        <translation>Approve extension…</translation>
    </message>
    <message>
        <source>驳回延期…</source>
        <translation>Reject extension…</translation>
    </message>
    <message>
        <source>{due}（原 {original}）</source>
        <translation>{due} (was {original})</translation>
    </message>
    <message>
        <source>法定时限</source>
        <translation>Statutory</translation>
    </message>
    <message>
        <source>公司标准</source>
        <translation>Office standard</translation>
    </message>
    <message>
        <source>超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>临期</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>进行中</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>按时完成</source>
        <translation>Met</translation>
    </message>
    <message>
        <source>超时完成</source>
        <translation>Missed</translation>
    </message>
    <message>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>法定时限，不可延期</source>
        <translation>Statutory, cannot be extended</translation>
    </message>
    <message>
        <source>待主管批准：延至 {date}</source>
        <translation>Awaiting approval: to {date}</translation>
    </message>
    <message>
        <source>已批准延至 {date}</source>
        <translation>Extended to {date}</translation>
    </message>
    <message>
        <source>延期申请已驳回：{note}</source>
        <translation>Extension rejected: {note}</translation>
    </message>
    <message>
        <source>读取时效时程序出错，请查看日志。</source>
        <translation>An error occurred while reading the deadlines; please see the log.</translation>
    </message>
    <message>
        <source>这个环节已经结束，不能延期。</source>
        <translation>This stage has ended and cannot be extended.</translation>
    </message>
    <message>
        <source>法定时限不能由公司延期。</source>
        <translation>Statutory periods cannot be extended by the office.</translation>
    </message>
    <message>
        <source>这个环节已有待批准的延期申请。</source>
        <translation>This stage already has an extension request awaiting approval.</translation>
    </message>
    <message>
        <source>延期申请已提交，等待主管批准。</source>
        <translation>Extension requested; awaiting a supervisor&apos;s approval.</translation>
    </message>
    <message>
        <source>{stage}：现在到期 {due}，申请延至 {until}。
申请人：{who}。原因：{reason}</source>
        <translation>{stage}: due {due}, extension requested to {until}.
Requested by: {who}. Reason: {reason}</translation>
    </message>
    <message>
        <source>批准延期</source>
        <translation>Approve extension</translation>
    </message>
    <message>
        <source>驳回延期</source>
        <translation>Reject extension</translation>
    </message>
    <message>
        <source>说明（可不填）</source>
        <translation>Note (optional)</translation>
    </message>
    <message>
        <source>驳回的理由（必填）</source>
        <translation>Reason for rejecting (required)</translation>
    </message>
    <message>
        <source>批准</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>驳回</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>已批准延期，到期日已改为 {date}。</source>
        <translation>Extension approved; the due date is now {date}.</translation>
    </message>
    <message>
        <source>已驳回延期申请。</source>
        <translation>Extension request rejected.</translation>
    </message>
</context>
<context>
    <name>CaseDetailView</name>
    <message>
        <source>正在读取案件…</source>
        <translation>Reading the case…</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>概要</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>单证</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>理算</source>
        <translation>Calculation</translation>
    </message>
    <message>
        <source>核赔</source>
        <translation>Approval</translation>
    </message>
    <message>
        <source>支付与结案</source>
        <translation>Payment &amp; closing</translation>
    </message>
    <message>
        <source>时间线</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>联系记录</source>
        <translation>Contact log</translation>
    </message>
    <message>
        <source>期限</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>审计</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>归档</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>状态：{status} · 经办人：{handler}</source>
        <translation>Status: {status} · Handler: {handler}</translation>
    </message>
    <message>
        <source>未分派</source>
        <translation>Not assigned</translation>
    </message>
    <message>
        <source>读取案件时程序出错，请查看日志。</source>
        <translation>The program failed while reading cases; see the log.</translation>
    </message>
</context>
<context>
    <name>CaseDocumentsTab</name>
    <message>
        <source>附件</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>页数</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>登记收取…</source>
        <translation>Log receipt…</translation>
    </message>
    <message>
        <source>附加扫描件…</source>
        <translation>Attach scan…</translation>
    </message>
    <message>
        <source>预览附件</source>
        <translation>Preview attachment</translation>
    </message>
    <message>
        <source>打印一次性告知书…</source>
        <translation>Print one-time notice…</translation>
    </message>
    <message>
        <source>只有理赔内勤可以登记单证和打印告知书。</source>
        <translation>Only claims clerks may log documents and print notices.</translation>
    </message>
    <message>
        <source>所选单证的附件</source>
        <translation>Attachments of the selected document</translation>
    </message>
    <message>
        <source>必备单证已收到 {got}/{total} 项。</source>
        <translation>Mandatory documents received: {got} of {total}.</translation>
    </message>
    <message>
        <source>材料齐全日期：{date}</source>
        <translation>Materials complete on {date}</translation>
    </message>
    <message>
        <source>附件 #{id}</source>
        <translation>Attachment #{id}</translation>
    </message>
    <message>
        <source>已登记收到：{title}</source>
        <translation>Receipt logged: {title}</translation>
    </message>
    <message>
        <source>选择“{title}”的扫描件</source>
        <translation>Choose the scan of “{title}”</translation>
    </message>
    <message>
        <source>正在检查并加密保存 {name}…</source>
        <translation>Checking and storing {name} encrypted…</translation>
    </message>
    <message>
        <source>已保存扫描件 {name}（{type}，{size}）。</source>
        <translation>Scan {name} stored ({type}, {size}).</translation>
    </message>
    <message>
        <source>保存扫描件时程序出错，请查看日志。</source>
        <translation>The program failed while storing the scan; see the log.</translation>
    </message>
</context>
<context>
    <name>CaseEvents</name>
    <message>
        <source>报案</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>立案登记</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>状态变更</source>
        <translation>Status change</translation>
    </message>
    <message>
        <source>改派经办人</source>
        <translation>Reassigned</translation>
    </message>
</context>
<context>
    <name>CaseFilterBar</name>
    <message>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>全部分类</source>
        <translation>All classes</translation>
    </message>
    <message>
        <source>全部风险提示</source>
        <translation>All risk flags</translation>
    </message>
    <message>
        <source>全部险类</source>
        <translation>All lines</translation>
    </message>
    <message>
        <source>全部时效</source>
        <translation>All deadlines</translation>
    </message>
    <message>
        <source>黄色预警（临期）</source>
        <translation>Yellow (due soon)</translation>
    </message>
    <message>
        <source>红色预警（超期）</source>
        <translation>Red (overdue)</translation>
    </message>
    <message>
        <source>红色：有环节已超时；黄色：有环节临近时限。</source>
        <translation>Red: a stage is overdue; yellow: a stage is close to its deadline.</translation>
    </message>
    <message>
        <source>只看我的</source>
        <translation>Only mine</translation>
    </message>
    <message>
        <source>案件号、保单号、身份证号、手机号或姓名</source>
        <translation>Case no., policy no., ID number, mobile or name</translation>
    </message>
</context>
<context>
    <name>CaseListModel</name>
    <message>
        <source>案件号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <source>时效</source>
        <translation>SLA</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>险类</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>分类</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>客户</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>经办人</source>
        <translation>Handler</translation>
    </message>
    <message>
        <source>报案时间</source>
        <translation>Reported</translation>
    </message>
    <message>
        <source>估损（元）</source>
        <translation>Estimate (yuan)</translation>
    </message>
    <message>
        <source>风险提示</source>
        <translation>Risk flags</translation>
    </message>
    <message>
        <source>材料齐全</source>
        <translation>Materials complete</translation>
    </message>
    <message>
        <source>超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>临期</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>红色预警：有环节已超过时限</source>
        <translation>Red warning: a stage is overdue</translation>
    </message>
    <message>
        <source>黄色预警：有环节临近时限</source>
        <translation>Yellow warning: a stage is near its deadline</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>CaseListPage</name>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>案件列表</source>
        <translation>Case list</translation>
    </message>
    <message>
        <source>读取案件时程序出错，请查看日志。</source>
        <translation>The program failed while reading cases; see the log.</translation>
    </message>
    <message>
        <source>已显示 {loaded} 件，正在统计总数…</source>
        <translation>{loaded} shown, counting the total…</translation>
    </message>
    <message>
        <source>共 {total} 件案件，已显示 {loaded} 件</source>
        <translation>{total} cases, {loaded} shown</translation>
    </message>
    <message>
        <source>（正在读取…）</source>
        <translation> (reading…)</translation>
    </message>
</context>
<context>
    <name>CasePayments</name>
    <message>
        <source>赔款</source>
        <translation>Settlement</translation>
    </message>
    <message>
        <source>先行赔付</source>
        <translation>Advance payment</translation>
    </message>
    <message>
        <source>待导出</source>
        <translation>To export</translation>
    </message>
    <message>
        <source>已导出</source>
        <translation>Exported</translation>
    </message>
    <message>
        <source>已支付</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>案件已结案。</source>
        <translation>The case is closed.</translation>
    </message>
    <message>
        <source>还有 {n} 笔支付没有结果：不能结案。</source>
        <translation>{n} payment(s) still have no result: the case cannot be closed.</translation>
    </message>
    <message>
        <source>核赔金额尚未全部支付：不能结案。</source>
        <translation>The approved amount is not fully paid: the case cannot be closed.</translation>
    </message>
    <message>
        <source>只有已支付、已拒赔或已注销的案件（或核定赔款为零的案件）可以结案。</source>
        <translation>Only paid, denied or withdrawn cases (or cases approved at zero) can be closed.</translation>
    </message>
</context>
<context>
    <name>CasePaymentsTab</name>
    <message>
        <source>理算金额（元）</source>
        <translation>Calculated (CNY)</translation>
    </message>
    <message>
        <source>核定金额（元）</source>
        <translation>Approved (CNY)</translation>
    </message>
    <message>
        <source>已支付（元）</source>
        <translation>Paid (CNY)</translation>
    </message>
    <message>
        <source>待支付（已登记未到账）</source>
        <translation>Pending (ordered, not yet paid)</translation>
    </message>
    <message>
        <source>尚可支付（元）</source>
        <translation>Still payable (CNY)</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>领款人</source>
        <translation>Payee</translation>
    </message>
    <message>
        <source>开户银行</source>
        <translation>Bank</translation>
    </message>
    <message>
        <source>银行账号</source>
        <translation>Bank account</translation>
    </message>
    <message>
        <source>金额（元）</source>
        <translation>Amount (CNY)</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>支付日期</source>
        <translation>Date paid</translation>
    </message>
    <message>
        <source>银行流水号</source>
        <translation>Bank reference</translation>
    </message>
    <message>
        <source>登记时间</source>
        <translation>Entered at</translation>
    </message>
    <message>
        <source>本案还没有支付记录。</source>
        <translation>No payments for this case yet.</translation>
    </message>
    <message>
        <source>新增支付…</source>
        <translation>New payment…</translation>
    </message>
    <message>
        <source>标记已付…</source>
        <translation>Mark paid…</translation>
    </message>
    <message>
        <source>取消支付…</source>
        <translation>Cancel payment…</translation>
    </message>
    <message>
        <source>结案…</source>
        <translation>Close…</translation>
    </message>
    <message>
        <source>重开…</source>
        <translation>Reopen…</translation>
    </message>
    <message>
        <source>撤案…</source>
        <translation>Withdraw…</translation>
    </message>
    <message>
        <source>读取支付记录时程序出错，请查看日志。</source>
        <translation>The program failed while reading the payments; see the log.</translation>
    </message>
    <message>
        <source>案件已结案。</source>
        <translation>The case is closed.</translation>
    </message>
    <message>
        <source>案件已拒赔，无需支付：可以结案。</source>
        <translation>The claim was denied, nothing to pay: the case can be closed.</translation>
    </message>
    <message>
        <source>案件已注销：可以结案。</source>
        <translation>The case was withdrawn: it can be closed.</translation>
    </message>
    <message>
        <source>按核定金额支付，支付全部到账后可以结案。</source>
        <translation>Pay the approved amount; once every payment is confirmed the case can be closed.</translation>
    </message>
    <message>
        <source>尚未核赔：可先行赔付能确定的部分（保险法第二十五条），最多至理算金额。</source>
        <translation>Not approved yet: the part that can be determined may be paid in advance (Insurance Law art. 25), up to the calculated amount.</translation>
    </message>
    <message>
        <source>核赔通过后才能支付赔款。</source>
        <translation>Settlement can be paid only after approval.</translation>
    </message>
    <message>
        <source>已登记{kind} {amount} 元，等待导出支付批次交财务。</source>
        <translation>{kind} of CNY {amount} entered; it waits for the payment batch export to finance.</translation>
    </message>
    <message>
        <source>取消支付</source>
        <translation>Cancel payment</translation>
    </message>
    <message>
        <source>取消这笔 {amount} 元的支付（{account}）：取消后金额不再占用，可以重新登记支付。</source>
        <translation>Cancel this payment of {amount} yuan ({account}): the amount is freed and a new payment can be ordered.</translation>
    </message>
    <message>
        <source>取消原因，例如：银行退票，账号有误</source>
        <translation>Reason, e.g. returned by the bank, wrong account</translation>
    </message>
    <message>
        <source>支付已取消，可以重新登记支付。</source>
        <translation>The payment is cancelled; a new payment can be ordered.</translation>
    </message>
    <message>
        <source>已登记支付结果，支付通知已写入联系记录。</source>
        <translation>Payment result entered; the payment notice is in the contact log.</translation>
    </message>
    <message>
        <source>案件已重开，回到“收集单证”。</source>
        <translation>The case was reopened and is back at “Collecting documents”.</translation>
    </message>
    <message>
        <source>案件已注销；客户的撤案确认已写入联系记录。</source>
        <translation>The case was withdrawn; the customer&apos;s confirmation is in the contact log.</translation>
    </message>
    <message>
        <source>{message}（已重新读取案件，请核对后再操作。）</source>
        <translation>{message} (The case was read again; check it before you continue.)</translation>
    </message>
</context>
<context>
    <name>CaseSummaryTab</name>
    <message>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>名称或伤者</source>
        <translation>Item or injured person</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>受伤部位</source>
        <translation>Body part</translation>
    </message>
    <message>
        <source>伤情</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>风险提示</source>
        <translation>Risk flags</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>{warning}：{reason}</source>
        <translation>{warning}: {reason}</translation>
    </message>
    <message>
        <source>已确认的登记提示：</source>
        <translation>Warnings confirmed at registration:</translation>
    </message>
    <message>
        <source>损失清单</source>
        <translation>Loss list</translation>
    </message>
    <message>
        <source>证明材料：{proofs}</source>
        <translation>Proofs: {proofs}</translation>
    </message>
    <message>
        <source>{chosen}（自动分类为{auto}；理由：{reason}）</source>
        <translation>{chosen} (automatic: {auto}; reason: {reason})</translation>
    </message>
    <message>
        <source>尚未齐全</source>
        <translation>Not yet complete</translation>
    </message>
    <message>
        <source>案件号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>保单</source>
        <translation>Policy</translation>
    </message>
    <message>
        <source>保险期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>案件分类</source>
        <translation>Classification</translation>
    </message>
    <message>
        <source>经办人</source>
        <translation>Handler</translation>
    </message>
    <message>
        <source>未分派</source>
        <translation>Not assigned</translation>
    </message>
    <message>
        <source>报案时间</source>
        <translation>Reported</translation>
    </message>
    <message>
        <source>出险时间</source>
        <translation>Incident time</translation>
    </message>
    <message>
        <source>出险地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>出险原因</source>
        <translation>Cause</translation>
    </message>
    <message>
        <source>估损金额</source>
        <translation>Estimated loss</translation>
    </message>
    <message>
        <source>{amount} 元</source>
        <translation>{amount} yuan</translation>
    </message>
    <message>
        <source>材料齐全</source>
        <translation>Materials complete</translation>
    </message>
    <message>
        <source>经过</source>
        <translation>Narrative</translation>
    </message>
    <message>
        <source>客户姓名</source>
        <translation>Customer name</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>手机号</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>银行账户</source>
        <translation>Bank account</translation>
    </message>
    <message>
        <source>未登记</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <source>报案人</source>
        <translation>Reporter</translation>
    </message>
    <message>
        <source>{name}（{relation}）</source>
        <translation>{name} ({relation})</translation>
    </message>
    <message>
        <source>报案人电话</source>
        <translation>Reporter&apos;s phone</translation>
    </message>
    <message>
        <source>报案渠道</source>
        <translation>Channel</translation>
    </message>
</context>
<context>
    <name>CaseTimelineTab</name>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>事件</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>操作人</source>
        <translation>By</translation>
    </message>
    <message>
        <source>分类：{complexity}；经办人：{handler}</source>
        <translation>Class: {complexity}; handler: {handler}</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <source>单证</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>必备</source>
        <translation>Mandatory</translation>
    </message>
    <message>
        <source>收到时间</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>原件/复印件</source>
        <translation>Original/copy</translation>
    </message>
    <message>
        <source>页数</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>提交人</source>
        <translation>From</translation>
    </message>
    <message>
        <source>附件</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>此项要求提供原件</source>
        <translation>The original is required</translation>
    </message>
    <message>
        <source>可选</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>未收到</source>
        <translation>Not received</translation>
    </message>
    <message>
        <source>须原件</source>
        <translation>Original required</translation>
    </message>
    <message>
        <source>原件</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>复印件</source>
        <translation>Copy</translation>
    </message>
</context>
<context>
    <name>CloseDialog</name>
    <message>
        <source>结案</source>
        <translation>Close case</translation>
    </message>
    <message>
        <source>案件 {case_no} 结案后不能再修改；如有需要，可由主管或内勤按规定原因重开。</source>
        <translation>Once closed, case {case_no} can no longer be changed; if needed, a supervisor or clerk can reopen it for one of the listed reasons.</translation>
    </message>
    <message>
        <source>结案原因</source>
        <translation>Closing reason</translation>
    </message>
    <message>
        <source>人伤结案方式</source>
        <translation>Injury claim settled by</translation>
    </message>
    <message>
        <source>请选择结案原因。</source>
        <translation>Choose a closing reason.</translation>
    </message>
    <message>
        <source>请选择人伤案件的结案方式。</source>
        <translation>Choose how the injury claim was settled.</translation>
    </message>
</context>
<context>
    <name>ClosingDialogs</name>
    <message>
        <source>请选择…</source>
        <translation>Choose…</translation>
    </message>
</context>
<context>
    <name>ComplaintsDialog</name>
    <message>
        <source>投诉 {case_no}</source>
        <translation>Complaints {case_no}</translation>
    </message>
    <message>
        <source>收到时间</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>分类</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>内容摘要</source>
        <translation>Content digest</translation>
    </message>
    <message>
        <source>已联系</source>
        <translation>Contacted</translation>
    </message>
    <message>
        <source>已办结</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>处理结果</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <source>记录联系…</source>
        <translation>Record contact…</translation>
    </message>
    <message>
        <source>办结…</source>
        <translation>Resolve…</translation>
    </message>
    <message>
        <source>客户投诉的内容，例如：定损后两周未收到赔款</source>
        <translation>What the customer complains about, e.g. no payment two weeks after the assessment</translation>
    </message>
    <message>
        <source>登记投诉</source>
        <translation>Register complaint</translation>
    </message>
    <message>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>登记新投诉（联系客户 1 个工作日内，办结按投诉分类计时）</source>
        <translation>New complaint (contact the customer within 1 working day; resolution time depends on the type)</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>投诉已登记，并写入联系记录。</source>
        <translation>Complaint registered and written to the contact log.</translation>
    </message>
    <message>
        <source>记录投诉联系</source>
        <translation>Record complaint contact</translation>
    </message>
    <message>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>已与投诉人联系：请记录联系的情况。</source>
        <translation>The complainant was contacted: please record how.</translation>
    </message>
    <message>
        <source>例如：电话联系客户，说明赔款已于今日支付</source>
        <translation>e.g. called the customer and explained that the payment was made today</translation>
    </message>
    <message>
        <source>已记录与投诉人的联系。</source>
        <translation>Contact with the complainant recorded.</translation>
    </message>
    <message>
        <source>投诉办结</source>
        <translation>Resolve complaint</translation>
    </message>
    <message>
        <source>办结</source>
        <translation>Resolve</translation>
    </message>
    <message>
        <source>投诉处理完毕：请写明处理结果。</source>
        <translation>The complaint is dealt with: please state the resolution.</translation>
    </message>
    <message>
        <source>例如：已补付施救费用，客户表示满意</source>
        <translation>e.g. rescue costs paid in addition; the customer is satisfied</translation>
    </message>
    <message>
        <source>投诉已办结。</source>
        <translation>Complaint resolved.</translation>
    </message>
    <message>
        <source>程序出错，请查看日志。</source>
        <translation>The program failed; see the log.</translation>
    </message>
</context>
<context>
    <name>CustomerServiceBar</name>
    <message>
        <source>赔后回访…</source>
        <translation>Callback…</translation>
    </message>
    <message>
        <source>投诉…</source>
        <translation>Complaints…</translation>
    </message>
    <message>
        <source>客户服务：</source>
        <translation>Customer service:</translation>
    </message>
    <message>
        <source>赔后回访在赔款支付之后进行。</source>
        <translation>The callback follows the payment of the claim.</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>当月结案</source>
        <translation>Closed this month</translation>
    </message>
    <message>
        <source>累计结案</source>
        <translation>Closed to date</translation>
    </message>
    <message>
        <source>时效达标</source>
        <translation>On time</translation>
    </message>
    <message>
        <source>回访满意</source>
        <translation>Satisfied at follow-up</translation>
    </message>
    <message>
        <source>人伤和解</source>
        <translation>Injury settlements</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>导出 XLSX…</source>
        <translation>Export XLSX…</translation>
    </message>
    <message>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>维度</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <source>正在读取…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>{month}：红色预警 {red}，黄色预警 {yellow}，未决案件 {pending} 件</source>
        <translation>{month}: {red} red warnings, {yellow} yellow warnings, {pending} open cases</translation>
    </message>
    <message>
        <source>读取报表时程序出错，请查看日志。</source>
        <translation>The program failed while reading the report; see the log.</translation>
    </message>
    <message>
        <source>{month} {name}（{group}）的案件</source>
        <translation>Cases of {name} ({group}), {month}</translation>
    </message>
    <message>
        <source>案件号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <source>红色预警</source>
        <translation>Red warnings</translation>
    </message>
    <message>
        <source>黄色预警</source>
        <translation>Yellow warnings</translation>
    </message>
    <message>
        <source>{level}：{stage}</source>
        <translation>{level}: {stage}</translation>
    </message>
    <message>
        <source>环节</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>到期日</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>剩余工作日</source>
        <translation>Working days left</translation>
    </message>
    <message>
        <source>经办人</source>
        <translation>Handler</translation>
    </message>
    <message>
        <source>账龄 {bucket} 天的未决案件</source>
        <translation>Open cases aged {bucket} days</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>账龄（天）</source>
        <translation>Age (days)</translation>
    </message>
    <message>
        <source>未处理（天）</source>
        <translation>Idle (days)</translation>
    </message>
    <message>
        <source>导出考核指标</source>
        <translation>Export KPIs</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>已导出：{path}</source>
        <translation>Exported: {path}</translation>
    </message>
</context>
<context>
    <name>DelegationTab</name>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>案件号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <source>险类</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>审批级别</source>
        <translation>Approval level</translation>
    </message>
    <message>
        <source>风险提示</source>
        <translation>Risk flags</translation>
    </message>
    <message>
        <source>经办人</source>
        <translation>Handler</translation>
    </message>
    <message>
        <source>已转交给</source>
        <translation>Delegated to</translation>
    </message>
    <message>
        <source>等待自</source>
        <translation>Waiting since</translation>
    </message>
    <message>
        <source>最近期限</source>
        <translation>Earliest deadline</translation>
    </message>
    <message>
        <source>例如：张三休年假至 3 月 10 日</source>
        <translation>e.g. Zhang San on annual leave until 10 March</translation>
    </message>
    <message>
        <source>委托</source>
        <translation>Delegate</translation>
    </message>
    <message>
        <source>核赔人员不在岗时，可把等待其签批的案件转交给同级或更高级别的在岗核赔人员。转交会记入案件日志和审计日志。</source>
        <translation>When an approver is away, the cases waiting for their signature can be moved to an approver on duty at the same or a higher level. The move is recorded in the case history and the audit log.</translation>
    </message>
    <message>
        <source>不在岗的核赔人员</source>
        <translation>Approver away</translation>
    </message>
    <message>
        <source>转交给</source>
        <translation>Move to</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>还没有核赔人员。</source>
        <translation>There are no approvers yet.</translation>
    </message>
    <message>
        <source>{name}（{user}）· {level} 级</source>
        <translation>{name} ({user}) · level {level}</translation>
    </message>
    <message>
        <source>（已停用）</source>
        <translation> (deactivated)</translation>
    </message>
    <message>
        <source>正在读取…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>等待其签批：{n} 件</source>
        <translation>Waiting for their signature: {n}</translation>
    </message>
    <message>
        <source>{level} / {top}</source>
        <translation>{level} / {top}</translation>
    </message>
    <message>
        <source>没有同级或更高级别的在岗核赔人员可以接手这个案件。</source>
        <translation>No approver on duty at the same or a higher level can take over this case.</translation>
    </message>
    <message>
        <source>案件 {case_no} 已转交给 {name}。</source>
        <translation>Case {case_no} was moved to {name}.</translation>
    </message>
    <message>
        <source>转交审批时程序出错，请查看日志。</source>
        <translation>The program failed while delegating the approval; please see the log.</translation>
    </message>
</context>
<context>
    <name>DrillDownDialog</name>
    <message>
        <source>正在读取…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>共 {n} 件案件</source>
        <translation>{n} cases</translation>
    </message>
    <message>
        <source>读取案件时程序出错，请查看日志。</source>
        <translation>The program failed while reading cases; see the log.</translation>
    </message>
</context>
<context>
    <name>ExportPasswordDialog</name>
    <message>
        <source>文件 {name} 将含银行账号明文，导出会记入审计日志。请输入 {user} 的密码确认导出。</source>
        <translation>The file {name} will contain bank accounts in the clear, and the export is audited. Enter the password of {user} to confirm the export.</translation>
    </message>
    <message>
        <source>导出支付批次</source>
        <translation>Export payment batch</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>文件无法保存：{error}</source>
        <translation>The file cannot be saved: {error}</translation>
    </message>
</context>
<context>
    <name>ExtensionRequestDialog</name>
    <message>
        <source>申请延期</source>
        <translation>Request extension</translation>
    </message>
    <message>
        <source>{stage}：现在的到期日是 {due}。延期由主管批准后生效，并写入联系记录告知客户。</source>
        <translation>{stage}: currently due {due}. An extension takes effect once a supervisor approves it, and is written to the contact log to inform the customer.</translation>
    </message>
    <message>
        <source>例如：客户住院，诊断证明需出院后补交</source>
        <translation>e.g. the customer is in hospital; the diagnosis certificate follows after discharge</translation>
    </message>
    <message>
        <source>延至</source>
        <translation>Extend to</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>提交申请</source>
        <translation>Submit request</translation>
    </message>
    <message>
        <source>请写明延期的原因。</source>
        <translation>Please give the reason for the extension.</translation>
    </message>
    <message>
        <source>原因过长（最多 {n} 个字符）。</source>
        <translation>The reason is too long (at most {n} characters).</translation>
    </message>
    <message>
        <source>提交时程序出错，请查看日志。</source>
        <translation>An error occurred while submitting; please see the log.</translation>
    </message>
</context>
<context>
    <name>FlagBadges</name>
    <message>
        <source>新保出险</source>
        <translation>Early claim</translation>
    </message>
    <message>
        <source>重复索赔</source>
        <translation>Repeat claim</translation>
    </message>
    <message>
        <source>期外出险</source>
        <translation>Outside period</translation>
    </message>
    <message>
        <source>迟报</source>
        <translation>Late report</translation>
    </message>
    <message>
        <source>临近权限</source>
        <translation>Near limit</translation>
    </message>
    <message>
        <source>共用账户</source>
        <translation>Shared account</translation>
    </message>
</context>
<context>
    <name>KeysPanel</name>
    <message>
        <source>密钥与备份</source>
        <translation>Keys and backups</translation>
    </message>
    <message>
        <source>轮换主密钥…</source>
        <translation>Rotate master key…</translation>
    </message>
    <message>
        <source>还没有备份过：请尽快运行 backoffice backup create。</source>
        <translation>No backup yet: run backoffice backup create soon.</translation>
    </message>
    <message>
        <source>上次备份：{when}。</source>
        <translation>Last backup: {when}.</translation>
    </message>
    <message>
        <source>已超过规定间隔，请立即备份。</source>
        <translation>The backup interval has passed: back up now.</translation>
    </message>
    <message>
        <source>当前密钥版本 {v}；待重新加密：{p} 位客户、{a} 个附件。</source>
        <translation>Current key version {v}; still to re-encrypt: {p} customers, {a} attachments.</translation>
    </message>
    <message>
        <source>轮换主密钥</source>
        <translation>Rotate master key</translation>
    </message>
    <message>
        <source>将生成新的主密钥并重新加密全部个人信息、案件数据和附件。可以中断后再次运行。继续吗？</source>
        <translation>A new master key will be generated and all personal data, case data and attachments re-encrypted. You can interrupt and run it again. Continue?</translation>
    </message>
    <message>
        <source>客户</source>
        <translation>Customers</translation>
    </message>
    <message>
        <source>附件</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>案件数据表</source>
        <translation>Case data tables</translation>
    </message>
    <message>
        <source>轮换尚未完成：请再次运行。</source>
        <translation>The rotation is not finished: run it again.</translation>
    </message>
    <message>
        <source>密钥操作时程序出错，请查看日志。</source>
        <translation>The program failed during the key operation; see the log.</translation>
    </message>
</context>
<context>
    <name>KpiTableModel</name>
    <message>
        <source>{numerator}：{n}
{denominator}：{d}
双击查看案件</source>
        <translation>{numerator}: {n}
{denominator}: {d}
Double-click to see the cases</translation>
    </message>
    <message>
        <source>分组</source>
        <translation>Group</translation>
    </message>
</context>
<context>
    <name>LineEditor</name>
    <message>
        <source>预填</source>
        <translation>Prefill</translation>
    </message>
    <message>
        <source>按保单的保险金额、免赔额和损失清单填入建议的输入</source>
        <translation>Fill in suggested inputs from the policy&apos;s sums insured and deductibles and the loss list</translation>
    </message>
    <message>
        <source>保障项目</source>
        <translation>Coverage</translation>
    </message>
    <message>
        <source>计算方法</source>
        <translation>Method</translation>
    </message>
</context>
<context>
    <name>LinesModel</name>
    <message>
        <source>行</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>保障项目</source>
        <translation>Coverage</translation>
    </message>
    <message>
        <source>计算方法</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>本行赔款（元）</source>
        <translation>Line payable (yuan)</translation>
    </message>
    <message>
        <source>输入有误</source>
        <translation>Invalid input</translation>
    </message>
</context>
<context>
    <name>LinesPanel</name>
    <message>
        <source>添加一行</source>
        <translation>Add line</translation>
    </message>
    <message>
        <source>再加一行理算（另一保障项目或另一计算方法）</source>
        <translation>Add another calculation line (another coverage or method)</translation>
    </message>
    <message>
        <source>删除此行</source>
        <translation>Remove line</translation>
    </message>
    <message>
        <source>赔款合计：{amount} 元（{count} 行）</source>
        <translation>Total payable: {amount} yuan ({count} lines)</translation>
    </message>
    <message>
        <source>赔款合计：—</source>
        <translation>Total payable: —</translation>
    </message>
    <message>
        <source>赔款合计：—（第 {rows} 行还没有结果）</source>
        <translation>Total payable: — (line(s) {rows} have no result yet)</translation>
    </message>
    <message>
        <source>一个案件最多 {n} 行理算。</source>
        <translation>A case can have at most {n} calculation lines.</translation>
    </message>
    <message>
        <source>删除所选的一行</source>
        <translation>Remove the selected line</translation>
    </message>
    <message>
        <source>至少需要一行理算。</source>
        <translation>At least one calculation line is needed.</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>屏幕已锁定。请输入 {name}（{user}）的密码解锁。</source>
        <translation>The screen is locked. Enter the password of {name} ({user}) to unlock.</translation>
    </message>
    <message>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>注销</source>
        <translation>Sign out</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>正在核对密码…</source>
        <translation>Checking the password…</translation>
    </message>
    <message>
        <source>正在打开数据库…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <source>数据库：{db}</source>
        <translation>Database: {db}</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>演示数据库 DEMO：每个角色都有演示用户，默认密码 {password}。</source>
        <translation>DEMO database: every role has demo users; the default password is {password}.</translation>
    </message>
    <message>
        <source>请输入用户名和密码。</source>
        <translation>Please enter your user name and password.</translation>
    </message>
    <message>
        <source>登录时程序出错，请查看日志。</source>
        <translation>The program failed while signing in; see the log.</translation>
    </message>
</context>
<context>
    <name>LossLists</name>
    <message>
        <source>财产</source>
        <translation>Property</translation>
    </message>
    <message>
        <source>人伤</source>
        <translation>Injury</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>物品名称或伤者姓名</source>
        <translation>Item or injured person</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>受伤部位</source>
        <translation>Body part</translation>
    </message>
    <message>
        <source>伤情</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>添加财产损失</source>
        <translation>Add property loss</translation>
    </message>
    <message>
        <source>添加人伤</source>
        <translation>Add injury</translation>
    </message>
    <message>
        <source>证明类别</source>
        <translation>Proof kind</translation>
    </message>
    <message>
        <source>编号或说明</source>
        <translation>Number or note</translation>
    </message>
    <message>
        <source>添加证明材料</source>
        <translation>Add proof</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>欢迎，{name}。</source>
        <translation>Welcome, {name}.</translation>
    </message>
    <message>
        <source>用户：{name} · {user}</source>
        <translation>User: {name} · {user}</translation>
    </message>
    <message>
        <source>角色：{roles}</source>
        <translation>Role: {roles}</translation>
    </message>
    <message>
        <source>（演示）</source>
        <translation> (demo)</translation>
    </message>
    <message>
        <source>数据库：{db}</source>
        <translation>Database: {db}</translation>
    </message>
    <message>
        <source>会话</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>锁定屏幕</source>
        <translation>Lock screen</translation>
    </message>
    <message>
        <source>注销</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>语言和自动锁定…</source>
        <translation>Language and automatic lock…</translation>
    </message>
    <message>
        <source>设置已保存。新的界面语言在重新启动程序后生效。</source>
        <translation>Settings saved. The new language takes effect when the program is restarted.</translation>
    </message>
    <message>
        <source>设置已保存。</source>
        <translation>Settings saved.</translation>
    </message>
    <message>
        <source>已锁定。请输入密码解锁。</source>
        <translation>Locked. Enter your password to unlock.</translation>
    </message>
</context>
<context>
    <name>MarkPaidDialog</name>
    <message>
        <source>标记已付</source>
        <translation>Mark paid</translation>
    </message>
    <message>
        <source>登记已付</source>
        <translation>Record as paid</translation>
    </message>
    <message>
        <source>支付给 {payee}（账号 {account}）的 {amount} 元。请按银行回单填写支付日期和流水号。</source>
        <translation>CNY {amount} to {payee} (account {account}). Enter the date paid and the reference from the bank&apos;s confirmation.</translation>
    </message>
    <message>
        <source>银行回单上的流水号</source>
        <translation>Reference on the bank&apos;s confirmation</translation>
    </message>
    <message>
        <source>支付日期</source>
        <translation>Date paid</translation>
    </message>
    <message>
        <source>银行流水号</source>
        <translation>Bank reference</translation>
    </message>
    <message>
        <source>请填写银行流水号。</source>
        <translation>Enter the bank reference.</translation>
    </message>
</context>
<context>
    <name>MaskedValue</name>
    <message>
        <source>显示</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>显示完整内容（需要密码和原因，会记入审计日志）</source>
        <translation>Show in full (needs your password and a reason; audited)</translation>
    </message>
    <message>
        <source>{n} 秒后重新隐藏</source>
        <translation>masked again in {n} s</translation>
    </message>
</context>
<context>
    <name>MatrixModel</name>
    <message>
        <source>职务</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>拒赔权</source>
        <translation>May deny</translation>
    </message>
    <message>
        <source>通融赔付权</source>
        <translation>May pay ex gratia</translation>
    </message>
    <message>
        <source>不限</source>
        <translation>Unlimited</translation>
    </message>
    <message>
        <source>第 {n} 级</source>
        <translation>Level {n}</translation>
    </message>
</context>
<context>
    <name>MyWarningsPanel</name>
    <message>
        <source>我的时效预警</source>
        <translation>My deadline warnings</translation>
    </message>
    <message>
        <source>正在读取…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>案件号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <source>环节</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>到期日</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>剩余工作日</source>
        <translation>Working days left</translation>
    </message>
    <message>
        <source>预警</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>跟进任务</source>
        <translation>Follow-up tasks</translation>
    </message>
    <message>
        <source>截止日</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>完成…</source>
        <translation>Complete…</translation>
    </message>
    <message>
        <source>填写进展汇报或整改报告，完成选中的跟进任务</source>
        <translation>Write the progress report or rectification and complete the selected follow-up task</translation>
    </message>
    <message>
        <source>我的任务（预警跟进）</source>
        <translation>My tasks (warning follow-up)</translation>
    </message>
    <message>
        <source>红色</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>黄色</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <source>红色预警 {red} 个，黄色预警 {yellow} 个，待办跟进任务 {tasks} 项</source>
        <translation>{red} red warnings, {yellow} yellow warnings, {tasks} follow-up tasks to do</translation>
    </message>
    <message>
        <source>有 {n} 个环节已超时（红色预警），请立即处理。</source>
        <translation>{n} step(s) are overdue (red warning): deal with them now.</translation>
    </message>
    <message>
        <source>红色预警：案件 {case_no} 的“{stage}”已超过时限（{due} 到期）。</source>
        <translation>Red warning: &quot;{stage}&quot; of case {case_no} is overdue (due {due}).</translation>
    </message>
    <message>
        <source>红色预警：案件 {case_no} 的“{stage}”等 {n} 个环节已超过时限。</source>
        <translation>Red warning: &quot;{stage}&quot; of case {case_no} and others, {n} stages in all, are overdue.</translation>
    </message>
    <message>
        <source>案件 {case_no}，{stage}，截止 {due}。</source>
        <translation>Case {case_no}, {stage}, due {due}.</translation>
    </message>
    <message>
        <source>整改报告：原因、措施、责任人和完成时间</source>
        <translation>Rectification: causes, measures, who is responsible and by when</translation>
    </message>
    <message>
        <source>进展汇报：现在的进展、卡在哪里、预计何时完成</source>
        <translation>Progress report: where it stands, what blocks it, when it will be done</translation>
    </message>
    <message>
        <source>提交并完成</source>
        <translation>Submit and complete</translation>
    </message>
    <message>
        <source>任务已完成，已记入案件时间线。</source>
        <translation>Task completed and recorded in the case timeline.</translation>
    </message>
    <message>
        <source>读取预警时程序出错，请查看日志。</source>
        <translation>The program failed while reading warnings; see the log.</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>工作台</source>
        <translation>Workbench</translation>
    </message>
    <message>
        <source>新报案</source>
        <translation>New report</translation>
    </message>
    <message>
        <source>案件</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>查保单、录入报案，登记后打印报案回执。</source>
        <translation>Find the policy, enter the report, then print the acknowledgement.</translation>
    </message>
    <message>
        <source>您的时效预警和跟进任务：双击一行打开案件。</source>
        <translation>Your deadline warnings and follow-up tasks: double-click a row to open the case.</translation>
    </message>
    <message>
        <source>查找案件，打开案件收取单证、记录客户联系。</source>
        <translation>Find cases; open one to collect documents and log customer contacts.</translation>
    </message>
    <message>
        <source>核赔</source>
        <translation>Approvals</translation>
    </message>
    <message>
        <source>等待您核赔签批的案件：选择案件后同意、退回或拒赔。</source>
        <translation>Cases waiting for your approval: select a case, then agree, return or deny.</translation>
    </message>
    <message>
        <source>结案率、时效达成率等月度指标和图表，可以下钻到具体案件。</source>
        <translation>Monthly indicators such as closure rate and deadline compliance, with charts and drill-down to the cases.</translation>
    </message>
    <message>
        <source>归档</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>预览并封存结案案件的一案一卷归档案卷，批量归档，校验案卷文件。</source>
        <translation>Preview and seal the one-case-one-volume archive files of closed cases, archive in batches, and verify volume files.</translation>
    </message>
    <message>
        <source>报表</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>系统管理</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>用户、密钥和系统设置在这里管理。</source>
        <translation>Users, keys and system settings are managed here.</translation>
    </message>
    <message>
        <source>审计</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>审计日志的校验和查阅在这里进行。</source>
        <translation>The audit log is verified and read here.</translation>
    </message>
</context>
<context>
    <name>NewReportPage</name>
    <message>
        <source>正在登记…</source>
        <translation>Registering…</translation>
    </message>
    <message>
        <source>清空（Esc）</source>
        <translation>Clear (Esc)</translation>
    </message>
    <message>
        <source>登记报案（Ctrl+Enter）</source>
        <translation>Register report (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>登记时程序出错，请查看日志。</source>
        <translation>The program failed while registering; see the log.</translation>
    </message>
    <message>
        <source>尚未登记：请修改报案，或确认提示并填写理由后再登记。</source>
        <translation>Not registered: change the report, or confirm the warnings with a reason and register again.</translation>
    </message>
    <message>
        <source>清空报案</source>
        <translation>Clear report</translation>
    </message>
    <message>
        <source>清空这份尚未登记的报案？已输入的内容会丢失。</source>
        <translation>Clear this unregistered report? What you typed will be lost.</translation>
    </message>
    <message>
        <source>清空</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>继续填写</source>
        <translation>Keep editing</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>保存权限表</source>
        <translation>Save authority matrix</translation>
    </message>
    <message>
        <source>将保存为新的版本（当前为第 {v} 版）。之后的签批都按新版本执行，已签批的记录仍注明原版本。请说明修改原因（将记入审计日志）：</source>
        <translation>This will be saved as a new version (the current one is version {v}). Signatures from now on follow the new version; signatures already made keep their version. Please give the reason for the change (recorded in the audit log):</translation>
    </message>
    <message>
        <source>例如：分公司发文调整一级核赔权限</source>
        <translation>e.g. branch notice adjusting level-1 authority</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>请填写内容。</source>
        <translation>Please fill in the text.</translation>
    </message>
    <message>
        <source>内容过长（最多 {n} 个字符）。</source>
        <translation>The text is too long (at most {n} characters).</translation>
    </message>
    <message>
        <source>程序出错，请查看日志。</source>
        <translation>The program failed; see the log.</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <source>登记前请确认</source>
        <translation>Please confirm before registering</translation>
    </message>
    <message>
        <source>这份报案有以下提示。确认仍要登记时，请逐项写明理由（会记入案件和审计日志）：</source>
        <translation>This report has the warnings below. To register it anyway, give a reason for each (recorded on the case and in the audit log):</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>确认并登记</source>
        <translation>Confirm and register</translation>
    </message>
    <message>
        <source>返回修改</source>
        <translation>Back to the form</translation>
    </message>
    <message>
        <source>每一项提示都需要填写理由。</source>
        <translation>Every warning needs a reason.</translation>
    </message>
</context>
<context>
    <name>Paper</name>
    <message>
        <source>扫描件（JPEG、PNG、TIFF、PDF）</source>
        <translation>Scans (JPEG, PNG, TIFF, PDF)</translation>
    </message>
    <message>
        <source>所有文件</source>
        <translation>All files</translation>
    </message>
</context>
<context>
    <name>PaperSaver</name>
    <message>
        <source>保存报案回执</source>
        <translation>Save the acknowledgement</translation>
    </message>
    <message>
        <source>报案回执-{no}.pdf</source>
        <translation>acknowledgement-{no}.pdf</translation>
    </message>
    <message>
        <source>保存赔款计算书</source>
        <translation>Save settlement calculation</translation>
    </message>
    <message>
        <source>赔款计算书-{no}.pdf</source>
        <translation>settlement-calculation-{no}.pdf</translation>
    </message>
    <message>
        <source>保存理赔决定通知书</source>
        <translation>Save the settlement decision letter</translation>
    </message>
    <message>
        <source>理赔决定通知书-{no}.pdf</source>
        <translation>settlement-decision-{no}.pdf</translation>
    </message>
    <message>
        <source>保存拒赔通知书</source>
        <translation>Save the denial letter</translation>
    </message>
    <message>
        <source>拒赔通知书-{no}.pdf</source>
        <translation>denial-{no}.pdf</translation>
    </message>
    <message>
        <source>保存一次性告知书</source>
        <translation>Save the one-time notice</translation>
    </message>
    <message>
        <source>一次性告知书-{no}.pdf</source>
        <translation>one-time-notice-{no}.pdf</translation>
    </message>
    <message>
        <source>已保存：{path}</source>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <source>文件无法保存：{error}</source>
        <translation>The file could not be saved: {error}</translation>
    </message>
    <message>
        <source>生成 PDF 时程序出错，请查看日志。</source>
        <translation>The program failed while making the PDF; see the log.</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>确认密码</source>
        <translation>Confirm password</translation>
    </message>
    <message>
        <source>请输入 {name} 的密码以确认此操作。</source>
        <translation>Enter the password of {name} to confirm this action.</translation>
    </message>
    <message>
        <source>确认</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>核对密码时程序出错，请查看日志。</source>
        <translation>The program failed while checking the password; see the log.</translation>
    </message>
</context>
<context>
    <name>PaymentBatchExport</name>
    <message>
        <source>导出支付批次…</source>
        <translation>Export payment batch…</translation>
    </message>
    <message>
        <source>把所有案件中待导出的支付导出为一个 XLSX 或 CSV 文件，交财务付款。</source>
        <translation>Export every payment waiting for export, of all cases, into one XLSX or CSV file for finance.</translation>
    </message>
    <message>
        <source>导出支付批次</source>
        <translation>Export payment batch</translation>
    </message>
    <message>
        <source>支付批次-{date}.xlsx</source>
        <translation>payment-batch-{date}.xlsx</translation>
    </message>
    <message>
        <source>支付批次只能导出为 XLSX 或 CSV 文件：请换一个文件名。</source>
        <translation>A payment batch can only be exported as an XLSX or CSV file: choose another file name.</translation>
    </message>
    <message>
        <source>已导出 {count} 笔，合计 ¥{total}：{name}（含银行账号明文，请妥善交给财务）</source>
        <translation>Exported {count} payment(s), total ¥{total}: {name} (contains bank accounts in the clear; hand it to finance safely)</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>新增支付</source>
        <translation>New payment</translation>
    </message>
    <message>
        <source>登记支付</source>
        <translation>Enter payment</translation>
    </message>
    <message>
        <source>{name}（本案客户）</source>
        <translation>{name} (customer of this case)</translation>
    </message>
    <message>
        <source>其他领款人（如直赔的修理厂）…</source>
        <translation>Another payee (e.g. the repair shop of a direct settlement)…</translation>
    </message>
    <message>
        <source>领款人姓名或单位名称</source>
        <translation>Payee&apos;s name or company name</translation>
    </message>
    <message>
        <source>身份证号（个人领款人填写；单位可不填）</source>
        <translation>ID number (for a person; optional for a company)</translation>
    </message>
    <message>
        <source>开户银行，例如：中国工商银行北京朝阳支行</source>
        <translation>Bank and branch, e.g. ICBC Beijing Chaoyang branch</translation>
    </message>
    <message>
        <source>银行账号（离开此栏后校验并隐藏）</source>
        <translation>Bank account (checked and masked when you leave the field)</translation>
    </message>
    <message>
        <source>元，例如 3200 或 3200.50</source>
        <translation>CNY, e.g. 3200 or 3200.50</translation>
    </message>
    <message>
        <source>先行赔付（预付赔款，保险法第二十五条）</source>
        <translation>Advance payment (Insurance Law art. 25)</translation>
    </message>
    <message>
        <source>领款人</source>
        <translation>Payee</translation>
    </message>
    <message>
        <source>领款人名称</source>
        <translation>Payee</translation>
    </message>
    <message>
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>开户银行</source>
        <translation>Bank</translation>
    </message>
    <message>
        <source>银行账号</source>
        <translation>Bank account</translation>
    </message>
    <message>
        <source>金额（元）</source>
        <translation>Amount (CNY)</translation>
    </message>
    <message>
        <source>先行赔付只能支付能确定的部分：最多还可支付 {amount} 元。</source>
        <translation>An advance pays only the part that can be determined: at most CNY {amount} more.</translation>
    </message>
    <message>
        <source>按核定金额支付：最多还可支付 {amount} 元。</source>
        <translation>Paid against the approved amount: at most CNY {amount} more.</translation>
    </message>
    <message>
        <source>请填写领款人姓名或单位名称。</source>
        <translation>Enter the payee&apos;s name or company name.</translation>
    </message>
    <message>
        <source>请填写银行账号。</source>
        <translation>Enter the bank account.</translation>
    </message>
    <message>
        <source>请填写支付金额。</source>
        <translation>Enter the amount.</translation>
    </message>
    <message>
        <source>支付金额必须大于 0，最多两位小数，例如 3200 或 3200.50。</source>
        <translation>The amount must be above 0 with at most two decimals, e.g. 3200 or 3200.50.</translation>
    </message>
</context>
<context>
    <name>PdfPane</name>
    <message>
        <source>跳到卷内的某一件</source>
        <translation>Go to a document of the volume</translation>
    </message>
    <message>
        <source>上一页</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <source>下一页</source>
        <translation>Next page</translation>
    </message>
    <message>
        <source>无法显示这个 PDF 文件。</source>
        <translation>This PDF file cannot be shown.</translation>
    </message>
    <message>
        <source>/ 共 {n} 页</source>
        <translation>/ {n} pages</translation>
    </message>
</context>
<context>
    <name>PolicyField</name>
    <message>
        <source>输入保单号，可只输入开头几位</source>
        <translation>Policy number, or just its first characters</translation>
    </message>
    <message>
        <source>查询保单时程序出错，请查看日志。</source>
        <translation>The program failed while looking up the policy; see the log.</translation>
    </message>
</context>
<context>
    <name>PolicyPanel</name>
    <message>
        <source>保险期间：{start} 至 {end}</source>
        <translation>Period: {start} to {end}</translation>
    </message>
    <message>
        <source>被保险人：{name}&#x3000;证件：{id}</source>
        <translation>Insured: {name}  ID: {id}</translation>
    </message>
    <message>
        <source>未登记</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <source>不限</source>
        <translation>Unlimited</translation>
    </message>
</context>
<context>
    <name>PreviewTab</name>
    <message>
        <source>在左侧选择一个待归档案件，点“预览”查看案卷。</source>
        <translation>Select a case waiting on the left and click &quot;Preview&quot; to see its volume.</translation>
    </message>
    <message>
        <source>正在生成案件 {case_no} 的预览…</source>
        <translation>Building the preview of case {case_no}…</translation>
    </message>
    <message>
        <source>无法生成预览。</source>
        <translation>The preview could not be built.</translation>
    </message>
    <message>
        <source>预览（未封存）：案件 {case_no} · 档号 {archive_no} 第 {version} 版 · {items} 件，共 {pages} 页</source>
        <translation>Preview (not sealed): case {case_no} · archive no. {archive_no} version {version} · {items} documents, {pages} pages</translation>
    </message>
    <message>
        <source>封卷时将被拒绝，请先处理以下问题：
{problems}</source>
        <translation>Sealing would be refused; resolve these problems first:
{problems}</translation>
    </message>
    <message>
        <source>完整性检查未发现问题，可以封卷。</source>
        <translation>The completeness checks found no problem: the volume can be sealed.</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>登记收取单证</source>
        <translation>Log document receipt</translation>
    </message>
    <message>
        <source>原件</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>例如：被保险人本人、代理人、医院</source>
        <translation>e.g. the insured, an agent, a hospital</translation>
    </message>
    <message>
        <source>单证：{title}</source>
        <translation>Document: {title}</translation>
    </message>
    <message>
        <source>此项要求提供原件。</source>
        <translation>The original is required for this document.</translation>
    </message>
    <message>
        <source>收取时间</source>
        <translation>Received at</translation>
    </message>
    <message>
        <source>页数</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>提交人</source>
        <translation>From</translation>
    </message>
    <message>
        <source>登记</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>登记时程序出错，请查看日志。</source>
        <translation>The program failed while registering; see the log.</translation>
    </message>
</context>
<context>
    <name>RecomputingTab</name>
    <message>
        <source>正在保存并重新计算未结束案件的期限…</source>
        <translation>Saving and recomputing the deadlines of open cases…</translation>
    </message>
    <message>
        <source>{done}；已重新计算，{n} 个未结束的期限有变化。</source>
        <translation>{done}; recomputed, {n} open deadlines changed.</translation>
    </message>
</context>
<context>
    <name>ReopenDialog</name>
    <message>
        <source>重开案件</source>
        <translation>Reopen case</translation>
    </message>
    <message>
        <source>重开</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>案件 {case_no} 重开后回到“收集单证”，需要重新理算和核赔。</source>
        <translation>Reopened, case {case_no} goes back to “Collecting documents” and needs a new calculation and approval.</translation>
    </message>
    <message>
        <source>重开原因</source>
        <translation>Reason for reopening</translation>
    </message>
    <message>
        <source>请选择重开原因。</source>
        <translation>Choose a reason for reopening.</translation>
    </message>
</context>
<context>
    <name>ReportForm</name>
    <message>
        <source>元，例如 3200 或 3200.50</source>
        <translation>yuan, e.g. 3200 or 3200.50</translation>
    </message>
    <message>
        <source>有人员死亡或伤残</source>
        <translation>Death or disability</translation>
    </message>
    <message>
        <source>涉及诉讼</source>
        <translation>Litigation</translation>
    </message>
    <message>
        <source>责任有争议</source>
        <translation>Disputed liability</translation>
    </message>
    <message>
        <source>索赔人不是被保险人</source>
        <translation>Claimant is not the insured</translation>
    </message>
    <message>
        <source>自动分类</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <source>改分类时必填</source>
        <translation>Needed when changing the class</translation>
    </message>
    <message>
        <source>留空则自动分派</source>
        <translation>Empty: assigned automatically</translation>
    </message>
    <message>
        <source>损失清单</source>
        <translation>Loss list</translation>
    </message>
    <message>
        <source>证明材料</source>
        <translation>Proof references</translation>
    </message>
    <message>
        <source>保单</source>
        <translation>Policy</translation>
    </message>
    <message>
        <source>保单号</source>
        <translation>Policy no.</translation>
    </message>
    <message>
        <source>报案</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>报案渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>报案人</source>
        <translation>Reporter</translation>
    </message>
    <message>
        <source>与被保险人关系</source>
        <translation>Relation to insured</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>报案时间</source>
        <translation>Reported</translation>
    </message>
    <message>
        <source>出险</source>
        <translation>Incident</translation>
    </message>
    <message>
        <source>出险时间</source>
        <translation>Incident time</translation>
    </message>
    <message>
        <source>出险地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>出险原因</source>
        <translation>Cause</translation>
    </message>
    <message>
        <source>估损金额</source>
        <translation>Estimated loss</translation>
    </message>
    <message>
        <source>出险经过</source>
        <translation>What happened</translation>
    </message>
    <message>
        <source>案件情形与单证条件</source>
        <translation>Circumstances and document conditions</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>手机号</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>分类与经办</source>
        <translation>Classification and handler</translation>
    </message>
    <message>
        <source>案件分类</source>
        <translation>Classification</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>经办人用户名</source>
        <translation>Handler (user name)</translation>
    </message>
</context>
<context>
    <name>ReportResult</name>
    <message>
        <source>打印报案回执</source>
        <translation>Print acknowledgement</translation>
    </message>
    <message>
        <source>打开案件</source>
        <translation>Open case</translation>
    </message>
    <message>
        <source>登记下一个报案</source>
        <translation>Next report</translation>
    </message>
    <message>
        <source>案件分类</source>
        <translation>Classification</translation>
    </message>
    <message>
        <source>风险提示</source>
        <translation>Risk flags</translation>
    </message>
    <message>
        <source>经办人</source>
        <translation>Handler</translation>
    </message>
    <message>
        <source>待收必备单证</source>
        <translation>Mandatory documents due</translation>
    </message>
    <message>
        <source>报案已登记，案件号：</source>
        <translation>Report registered, case number:</translation>
    </message>
    <message>
        <source>未分派：没有符合条件的在岗理赔内勤，请主管指派</source>
        <translation>Not assigned: no eligible clerk on duty; a supervisor must assign it</translation>
    </message>
    <message>
        <source>{n} 项</source>
        <translation>{n}</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
</context>
<context>
    <name>ResultView</name>
    <message>
        <source>损失赔款</source>
        <translation>Loss payment</translation>
    </message>
    <message>
        <source>施救费用</source>
        <translation>Rescue costs</translation>
    </message>
    <message>
        <source>车损赔款</source>
        <translation>Own-damage payment</translation>
    </message>
    <message>
        <source>三者赔款</source>
        <translation>Third-party payment</translation>
    </message>
    <message>
        <source>给付金额</source>
        <translation>Benefit</translation>
    </message>
    <message>
        <source>责任赔款</source>
        <translation>Liability payment</translation>
    </message>
    <message>
        <source>医疗费用赔款</source>
        <translation>Medical expenses payment</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>步骤</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>算式</source>
        <translation>Formula</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>本行赔款：—</source>
        <translation>Line payable: —</translation>
    </message>
    <message>
        <source>本行赔款：{amount} 元</source>
        <translation>Line payable: {amount} yuan</translation>
    </message>
    <message>
        <source>分项：{name}</source>
        <translation>Part: {name}</translation>
    </message>
    <message>
        <source>分摊：{party}</source>
        <translation>Share: {party}</translation>
    </message>
    <message>
        <source>⚠ 注意：</source>
        <translation>⚠ Note: </translation>
    </message>
</context>
<context>
    <name>RevealDialog</name>
    <message>
        <source>显示完整信息</source>
        <translation>Show in full</translation>
    </message>
    <message>
        <source>将显示{what}的完整内容 {seconds} 秒。查看会记入审计日志：请选择原因，并再次输入您的密码。</source>
        <translation>The full {what} will be shown for {seconds} seconds. Viewing is audited: choose a reason and enter your password again.</translation>
    </message>
    <message>
        <source>请选择原因…</source>
        <translation>Choose a reason…</translation>
    </message>
    <message>
        <source>显示</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>请选择查看完整信息的原因。</source>
        <translation>Choose why you need to see the full value.</translation>
    </message>
    <message>
        <source>请输入您的密码。</source>
        <translation>Enter your password.</translation>
    </message>
    <message>
        <source>显示时程序出错，请查看日志。</source>
        <translation>The program failed while showing the value; see the log.</translation>
    </message>
</context>
<context>
    <name>RowsEditor</name>
    <message>
        <source>删除所选行</source>
        <translation>Remove selected rows</translation>
    </message>
</context>
<context>
    <name>RulesTab</name>
    <message>
        <source>个工作日</source>
        <translation>working days</translation>
    </message>
    <message>
        <source>个自然日</source>
        <translation>calendar days</translation>
    </message>
    <message>
        <source>小时</source>
        <translation>hours</translation>
    </message>
    <message>
        <source>车险</source>
        <translation>Motor</translation>
    </message>
    <message>
        <source>2000元以内</source>
        <translation>up to 2,000 yuan</translation>
    </message>
    <message>
        <source>2000至10000元</source>
        <translation>2,000 to 10,000 yuan</translation>
    </message>
    <message>
        <source>1万元以上</source>
        <translation>over 10,000 yuan</translation>
    </message>
    <message>
        <source>车险定损估价</source>
        <translation>Motor damage estimate</translation>
    </message>
    <message>
        <source>车险拆解清单</source>
        <translation>Motor parts list after dismantling</translation>
    </message>
    <message>
        <source>环节</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>细分</source>
        <translation>Variant</translation>
    </message>
    <message>
        <source>期限</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>扣除补充材料等待</source>
        <translation>Excludes document wait</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>依据</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>请在上表中选择一条规则。</source>
        <translation>Select a rule in the table above.</translation>
    </message>
    <message>
        <source>扣除补充材料的等待期间</source>
        <translation>Exclude the wait for supplementary documents</translation>
    </message>
    <message>
        <source>保存修改</source>
        <translation>Save change</translation>
    </message>
    <message>
        <source>恢复默认</source>
        <translation>Restore default</translation>
    </message>
    <message>
        <source>修改所选规则</source>
        <translation>Change the selected rule</translation>
    </message>
    <message>
        <source>保存或恢复默认后，所有未结束案件的期限立即按新规则重新计算。预警规则固定：剩余不超过 1 个工作日或已用时间达到 80% 时为黄色预警，逾期为红色预警（时效管理制度四）。法定期限（保险法、交强险条例）请只按法律修订调整。</source>
        <translation>After saving or restoring a default, the deadlines of all open cases are recomputed at once under the new rule. The warning rule is fixed: yellow when at most 1 working day is left or 80% of the time has passed, red when overdue (timeliness policy §4). Change statutory periods (Insurance Law, CTPL regulation) only when the law changes.</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>已修改</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>默认</source>
        <translation>Default</translation>
    </message>
    <message>
        <source>已保存“{rule}”</source>
        <translation>“{rule}” saved</translation>
    </message>
    <message>
        <source>“{rule}”已恢复默认</source>
        <translation>“{rule}” restored to its default</translation>
    </message>
    <message>
        <source>修改时效规则时程序出错，请查看日志。</source>
        <translation>The program failed while changing the deadline rule; please see the log.</translation>
    </message>
    <message>
        <source>读取时效规则时程序出错，请查看日志。</source>
        <translation>The program failed while reading the deadline rules; please see the log.</translation>
    </message>
</context>
<context>
    <name>SealDialog</name>
    <message>
        <source>封卷</source>
        <translation>Seal</translation>
    </message>
    <message>
        <source>将为案件 {case_no} 立卷并封存：生成一案一卷的 PDF/A 案卷，登记其摘要，案件随即变为只读。默认屏蔽案卷中的个人信息。</source>
        <translation>Case {case_no} will be filed and sealed: its one-case-one-volume PDF/A file is built and its digests registered, and the case becomes read-only. Personal data in the volume is masked by default.</translation>
    </message>
    <message>
        <source>出具未屏蔽个人信息的案卷</source>
        <translation>Issue the volume with personal data unmasked</translation>
    </message>
    <message>
        <source>您没有出具未屏蔽个人信息案卷的权限。</source>
        <translation>You are not allowed to issue a volume with personal data unmasked.</translation>
    </message>
    <message>
        <source>例如：法院调取证据</source>
        <translation>e.g. evidence requested by a court</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>未屏蔽的案卷会记入审计日志：请填写理由，并再次输入您的密码。</source>
        <translation>An unmasked volume is recorded in the audit log: enter the reason and your password again.</translation>
    </message>
</context>
<context>
    <name>ServiceDialog</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>保存时程序出错，请查看日志。</source>
        <translation>The program failed while saving; see the log.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source> 分钟</source>
        <translation> minutes</translation>
    </message>
    <message>
        <source>只有系统管理员可以更改自动锁定时间。</source>
        <translation>Only a system administrator can change the automatic lock time.</translation>
    </message>
    <message>
        <source>更改语言后，需要重新启动程序才能生效。</source>
        <translation>A new language takes effect after the program is restarted.</translation>
    </message>
    <message>
        <source>保存在：{path}</source>
        <translation>Saved in: {path}</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>无操作自动锁定</source>
        <translation>Lock when idle for</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>无法保存</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <source>设置无法保存：{error}</source>
        <translation>The settings could not be saved: {error}</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <source>核赔签批：{decision}</source>
        <translation>Approval: {decision}</translation>
    </message>
    <message>
        <source>案件 {case_no}，金额 {amount} 元。结论：{decision}。请输入您的密码签批。</source>
        <translation>Case {case_no}, amount {amount} yuan. Decision: {decision}. Enter your password to sign.</translation>
    </message>
    <message>
        <source>例如：第二十四条</source>
        <translation>e.g. Article 24</translation>
    </message>
    <message>
        <source>拒赔所依据的事实</source>
        <translation>The facts the denial rests on</translation>
    </message>
    <message>
        <source>请选择…</source>
        <translation>Please choose…</translation>
    </message>
    <message>
        <source>退回原因</source>
        <translation>Return reason</translation>
    </message>
    <message>
        <source>拒赔原因</source>
        <translation>Denial reason</translation>
    </message>
    <message>
        <source>依据条款</source>
        <translation>Clause</translation>
    </message>
    <message>
        <source>事实</source>
        <translation>Facts</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>签批</source>
        <translation>Sign</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>请选择原因。</source>
        <translation>Please choose a reason.</translation>
    </message>
    <message>
        <source>拒赔需要写明所依据的条款和事实。</source>
        <translation>A denial must state the clause and the facts it rests on.</translation>
    </message>
    <message>
        <source>请输入密码。</source>
        <translation>Please enter your password.</translation>
    </message>
</context>
<context>
    <name>UsersTableModel</name>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>已停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>锁定至 {until}</source>
        <translation>Locked until {until}</translation>
    </message>
    <message>
        <source>正常</source>
        <translation>Active</translation>
    </message>
</context>
<context>
    <name>VerifyView</name>
    <message>
        <source>选择一个案卷后点“校验”，或用“校验文件…”选择任意案卷文件。</source>
        <translation>Select a volume and click &quot;Verify&quot;, or choose any volume file with &quot;Verify file…&quot;.</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>档号</source>
        <translation>Archive no.</translation>
    </message>
    <message>
        <source>案件号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <source>登记状态</source>
        <translation>Register status</translation>
    </message>
    <message>
        <source>已检查页数</source>
        <translation>Pages checked</translation>
    </message>
    <message>
        <source>文件摘要</source>
        <translation>File digest</translation>
    </message>
    <message>
        <source>登记的摘要</source>
        <translation>Registered digest</translation>
    </message>
    <message>
        <source>被改动的件</source>
        <translation>Altered documents</translation>
    </message>
    <message>
        <source>被改动的页</source>
        <translation>Altered pages</translation>
    </message>
    <message>
        <source>发现的问题</source>
        <translation>Problems found</translation>
    </message>
    <message>
        <source>正在校验 {name}…</source>
        <translation>Verifying {name}…</translation>
    </message>
    <message>
        <source>校验通过：文件与封存清单和档案登记一致，未被改动。</source>
        <translation>Verified: the file matches its sealed manifest and the register; it has not been altered.</translation>
    </message>
    <message>
        <source>校验未通过：发现 {n} 处问题，文件在封存后被改动或不是本系统封存的案卷。</source>
        <translation>Verification failed: {n} problem(s) found; the file was altered after sealing or is not a volume sealed by this system.</translation>
    </message>
    <message>
        <source>{no}（第 {version} 版）</source>
        <translation>{no} (version {version})</translation>
    </message>
    <message>
        <source>未登记</source>
        <translation>Not registered</translation>
    </message>
    <message>
        <source>第 {seq} 件</source>
        <translation>document(s) {seq}</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>全卷第 {pages} 页</source>
        <translation>page(s) {pages} of the volume</translation>
    </message>
</context>
<context>
    <name>VersionChooser</name>
    <message>
        <source>编辑区（保存为新版本）</source>
        <translation>Editing area (saved as a new version)</translation>
    </message>
    <message>
        <source>v{n}（{state}）· {time} · {who} · {total} 元</source>
        <translation>v{n} ({state}) · {time} · {who} · {total} yuan</translation>
    </message>
    <message>
        <source>当前</source>
        <translation>current</translation>
    </message>
    <message>
        <source>旧版本</source>
        <translation>older</translation>
    </message>
</context>
<context>
    <name>VersionsTable</name>
    <message>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>当前</source>
        <translation>current</translation>
    </message>
    <message>
        <source>赔款合计</source>
        <translation>Total payable</translation>
    </message>
    <message>
        <source>理算时间</source>
        <translation>Calculated at</translation>
    </message>
    <message>
        <source>理算人</source>
        <translation>Calculated by</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>明细</source>
        <translation>Lines</translation>
    </message>
    <message>
        <source>点一行查看该版本（只读）</source>
        <translation>Click a row to view that version (read-only)</translation>
    </message>
    <message>
        <source>✔ 当前</source>
        <translation>✔ Current</translation>
    </message>
</context>
<context>
    <name>WithdrawDialog</name>
    <message>
        <source>撤案（注销）</source>
        <translation>Withdraw (cancel) case</translation>
    </message>
    <message>
        <source>注销案件</source>
        <translation>Withdraw case</translation>
    </message>
    <message>
        <source>客户撤回索赔后，案件 {case_no} 将被注销，不再处理。请记录客户确认撤案的方式和时间，这条记录会写入联系记录。</source>
        <translation>The customer withdrew the claim: case {case_no} will be cancelled and no longer handled. Record how and when the customer confirmed the withdrawal; this goes into the contact log.</translation>
    </message>
    <message>
        <source>例如：3月2日10:20客户来电确认撤案，通话已录音</source>
        <translation>e.g. customer called on 2 March at 10:20 to confirm, call recorded</translation>
    </message>
    <message>
        <source>客户确认</source>
        <translation>Customer&apos;s confirmation</translation>
    </message>
    <message>
        <source>注销需要记录客户的确认方式和时间。</source>
        <translation>A withdrawal needs how and when the customer confirmed it.</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>无法打开数据库</source>
        <translation>Cannot open the database</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>CSV 文件不是 UTF-8 编码：请在 Excel 中另存为“CSV UTF-8”后再导入。</source>
        <translation>The CSV file is not UTF-8: in Excel, save it as “CSV UTF-8” and import again.</translation>
    </message>
    <message>
        <source>JSON 格式错误（第 {line} 行）：{detail}</source>
        <translation>JSON format error (line {line}): {detail}</translation>
    </message>
    <message>
        <source>PDF 文件已损坏，无法打开：请向客户重新索取。</source>
        <translation>The PDF file is damaged and cannot be opened: ask the customer for it again.</translation>
    </message>
    <message>
        <source>PDF 文件设有密码：请向客户索取未加密的文件，或打印后重新扫描。</source>
        <translation>The PDF file is password-protected: ask the customer for an unencrypted file, or print and scan it again.</translation>
    </message>
    <message>
        <source>PDF/A 校验未通过：{finding}</source>
        <translation>PDF/A validation failed: {finding}</translation>
    </message>
    <message>
        <source>PostgreSQL 上没有数据库 {where}：请先创建数据库（见 docs/deployment.md）。</source>
        <translation>There is no database {where} on the PostgreSQL server: create it first (see docs/deployment.md).</translation>
    </message>
    <message>
        <source>PostgreSQL 拒绝了登录（{where}）：请检查 BACKOFFICE_DATABASE_URL 中的用户名和密码。</source>
        <translation>PostgreSQL refused the login ({where}): check the user name and password in BACKOFFICE_DATABASE_URL.</translation>
    </message>
    <message>
        <source>pg_dump 没有成功（退出码 {code}）：{detail}</source>
        <translation>pg_dump failed (exit code {code}): {detail}</translation>
    </message>
    <message>
        <source>pg_restore 读不了恢复出的数据库转储：请用同一主版本的 PostgreSQL 客户端。</source>
        <translation>pg_restore cannot read the restored database dump: use a PostgreSQL client of the same major version.</translation>
    </message>
    <message>
        <source>{authority}权限授予某一级后，更高各级也应具有</source>
        <translation>Once a level is granted the {authority} authority, every higher level must have it too</translation>
    </message>
    <message>
        <source>{day} 没有调整记录。</source>
        <translation>{day} has no adjustment.</translation>
    </message>
    <message>
        <source>{part}第 {page} 页（全卷第 {index} 页）与封存时不符。</source>
        <translation>{part} page {page} (page {index} of the file) differs from when it was sealed.</translation>
    </message>
    <message>
        <source>“{kind}”的遮蔽规则显示的位数过多。</source>
        <translation>The masking rule for “{kind}” shows too many characters.</translation>
    </message>
    <message>
        <source>“{name}”不是在岗的核赔人员。</source>
        <translation>“{name}” is not an active approver.</translation>
    </message>
    <message>
        <source>“{name}”不是在岗的理赔内勤，不能作为经办人。</source>
        <translation>“{name}” is not an active claims clerk and cannot handle the case.</translation>
    </message>
    <message>
        <source>“{name}”不是核赔人员。</source>
        <translation>“{name}” is not an approver.</translation>
    </message>
    <message>
        <source>“{value}”不是有效日期（应为 YYYY-MM-DD）。</source>
        <translation>“{value}” is not a valid date (use YYYY-MM-DD).</translation>
    </message>
    <message>
        <source>“{value}”不是有效的数字。</source>
        <translation>“{value}” is not a valid number.</translation>
    </message>
    <message>
        <source>一个案件最多 {n} 行理算。</source>
        <translation>A case takes at most {n} calculation lines.</translation>
    </message>
    <message>
        <source>一次最多导入 {n} 行：请把文件拆开。</source>
        <translation>At most {n} rows can be imported at once: split the file.</translation>
    </message>
    <message>
        <source>不批准延期时请说明理由。</source>
        <translation>Give a reason when refusing an extension.</translation>
    </message>
    <message>
        <source>不支持的文件类型：只接受 JPEG、PNG、TIFF 图片和 PDF 文件。</source>
        <translation>Unsupported file type: only JPEG, PNG and TIFF images and PDF files are accepted.</translation>
    </message>
    <message>
        <source>不能停用自己的账户。</source>
        <translation>You cannot disable your own account.</translation>
    </message>
    <message>
        <source>不能按“{sort}”排序。</source>
        <translation>Cannot sort by “{sort}”.</translation>
    </message>
    <message>
        <source>件号从 1 开始。</source>
        <translation>Item numbers start at 1.</translation>
    </message>
    <message>
        <source>伤情程度无效。</source>
        <translation>Invalid injury severity.</translation>
    </message>
    <message>
        <source>估损金额不能为负数。</source>
        <translation>The estimated loss cannot be negative.</translation>
    </message>
    <message>
        <source>保单上没有保障项目“{code}”。</source>
        <translation>The policy has no coverage “{code}”.</translation>
    </message>
    <message>
        <source>保单号 {no} 已经登记过。</source>
        <translation>Policy number {no} is already registered.</translation>
    </message>
    <message>
        <source>保单号不能为空、不能含空格，最长 {n} 个字符。</source>
        <translation>A policy number must not be empty or contain spaces, and has at most {n} characters.</translation>
    </message>
    <message>
        <source>保管期限“{value}”无效：只能是 Y、D30 或 D10。</source>
        <translation>Retention “{value}” is not valid: use Y, D30 or D10.</translation>
    </message>
    <message>
        <source>保管期限代码“{code}”无效。</source>
        <translation>Retention code “{code}” is not valid.</translation>
    </message>
    <message>
        <source>保险止期不能早于起期。</source>
        <translation>The end of cover cannot be before its start.</translation>
    </message>
    <message>
        <source>保障项目代码“{code}”重复。</source>
        <translation>The coverage code “{code}” appears twice.</translation>
    </message>
    <message>
        <source>先行赔付需要先对能确定的部分进行理算。</source>
        <translation>An advance payment needs a calculation of the part that is certain first.</translation>
    </message>
    <message>
        <source>免赔率必须在 0 到 1 之间。</source>
        <translation>The deductible rate must be between 0 and 1.</translation>
    </message>
    <message>
        <source>全宗号、机构代码和门类代码不能为空，也不能含空格或斜杠。</source>
        <translation>Fonds number, organisation code and category code must not be empty or contain spaces or slashes.</translation>
    </message>
    <message>
        <source>内容过长（最多 {n} 个字符）。</source>
        <translation>Too long (at most {n} characters).</translation>
    </message>
    <message>
        <source>出具未屏蔽个人信息的案卷需要填写理由。</source>
        <translation>Issuing a file with unmasked personal data needs a reason.</translation>
    </message>
    <message>
        <source>出险时间不能晚于报案时间。</source>
        <translation>The time of loss cannot be after the time of the report.</translation>
    </message>
    <message>
        <source>列表与对象字段应写成一个 JSON 对象 {…}。</source>
        <translation>List and object fields must be written as one JSON object {…}.</translation>
    </message>
    <message>
        <source>办结时间不能早于投诉时间。</source>
        <translation>The resolution time cannot be before the complaint.</translation>
    </message>
    <message>
        <source>单证清单模板 {where} 的条件“{c}”未知。</source>
        <translation>The document checklist template {where} has an unknown condition “{c}”.</translation>
    </message>
    <message>
        <source>单证清单模板 {where} 缺少字段 {field}。</source>
        <translation>The document checklist template {where} is missing the field {field}.</translation>
    </message>
    <message>
        <source>原密码不正确：密码未修改。</source>
        <translation>The old password is wrong: the password was not changed.</translation>
    </message>
    <message>
        <source>只有审计员可以查看或校验审计日志。</source>
        <translation>Only an auditor can read or verify the audit log.</translation>
    </message>
    <message>
        <source>只有尚未到账的支付可以取消。</source>
        <translation>Only a payment not yet paid can be cancelled.</translation>
    </message>
    <message>
        <source>只有已支付、已拒赔或已注销的案件（或核定赔款为零的案件）可以结案。</source>
        <translation>Only paid, denied or withdrawn cases (or cases approved at zero) can be closed.</translation>
    </message>
    <message>
        <source>只有已理算或已退回的案件可以提交审批。</source>
        <translation>Only calculated or returned cases can be submitted for approval.</translation>
    </message>
    <message>
        <source>只有已结案的案件可以立卷归档（案件 {no} 当前未结案或已归档）。</source>
        <translation>Only closed cases can be filed (case {no} is not closed, or already archived).</translation>
    </message>
    <message>
        <source>只有待审批的案件可以转交。</source>
        <translation>Only cases pending approval can be handed over.</translation>
    </message>
    <message>
        <source>只有核赔人员可以审批。</source>
        <translation>Only approvers can approve.</translation>
    </message>
    <message>
        <source>只有核赔人员才有审批权限级别。</source>
        <translation>Only approvers have an approval level.</translation>
    </message>
    <message>
        <source>只有核赔人员有审批队列。</source>
        <translation>Only approvers have an approval queue.</translation>
    </message>
    <message>
        <source>只有系统管理员可以轮换密钥。</source>
        <translation>Only a system administrator can rotate keys.</translation>
    </message>
    <message>
        <source>只能备份文件形式的 SQLite 数据库。</source>
        <translation>Only an SQLite database in a file can be backed up this way.</translation>
    </message>
    <message>
        <source>只能导入 CSV 或 XLSX 文件。</source>
        <translation>Only CSV or XLSX files can be imported.</translation>
    </message>
    <message>
        <source>只能按姓名、身份证号、手机号或银行账号查找。</source>
        <translation>You can only search by name, ID number, mobile number or bank account.</translation>
    </message>
    <message>
        <source>只能查看分子或分母的案件。</source>
        <translation>Only the cases of the numerator or the denominator can be listed.</translation>
    </message>
    <message>
        <source>只能转交给同级或更高级别的核赔人员。</source>
        <translation>A case can only be handed over to an approver of the same or a higher level.</translation>
    </message>
    <message>
        <source>图片文件已损坏或不完整：请重新扫描。</source>
        <translation>The image file is damaged or incomplete: please scan it again.</translation>
    </message>
    <message>
        <source>备份提醒的天数必须在 1 到 365 之间。</source>
        <translation>The backup reminder must be between 1 and 365 days.</translation>
    </message>
    <message>
        <source>备份文件头已损坏，或是更新版本的程序做的备份。未做任何写入。</source>
        <translation>The backup header is damaged, or the backup was made by a newer version. Nothing was written.</translation>
    </message>
    <message>
        <source>备份文件校验失败，问题在 {member}：文件被篡改、截断或损坏。未做任何写入。</source>
        <translation>The backup failed verification at {member}: the file was altered, truncated or damaged. Nothing was written.</translation>
    </message>
    <message>
        <source>备份文件里没有可用的恢复码信息：请登录现有系统后再校验或恢复。</source>
        <translation>The backup holds no usable recovery-code information: sign in to the existing system to verify or restore.</translation>
    </message>
    <message>
        <source>备份的数据库结构版本 {rev} 本程序不认识：请先升级 backoffice 再恢复。</source>
        <translation>This program does not know the backup&apos;s schema version {rev}: upgrade backoffice before restoring.</translation>
    </message>
    <message>
        <source>天数至少为 1。</source>
        <translation>At least 1 day.</translation>
    </message>
    <message>
        <source>姓名过长（最多 {n} 个字符）。</source>
        <translation>The name is too long (at most {n} characters).</translation>
    </message>
    <message>
        <source>字段 {field}：2020 版条款已取消事故责任免赔率；如投保了附加绝对免赔率特约条款，请用 absolute_deductible_rate</source>
        <translation>Field {field}: the 2020 clauses abolished the liability-based deductible rate; if the absolute deductible rate endorsement was bought, use absolute_deductible_rate</translation>
    </message>
    <message>
        <source>字段 {field}：不接受浮点数，请写成十进制字符串（例如 &quot;1234.50&quot;）</source>
        <translation>Field {field}: floating-point numbers are not accepted; write a decimal string (e.g. &quot;1234.50&quot;)</translation>
    </message>
    <message>
        <source>字段 {field}：不是有效的数字</source>
        <translation>Field {field}: not a valid number</translation>
    </message>
    <message>
        <source>字段 {field}：不能包含“-&gt;”或“/”</source>
        <translation>Field {field}: must not contain “-&gt;” or “/”</translation>
    </message>
    <message>
        <source>字段 {field}：与货物分摊施救费用需要实际价值</source>
        <translation>Field {field}: sharing rescue costs with the cargo needs the actual value</translation>
    </message>
    <message>
        <source>字段 {field}：交强险赔付金额不能大于损失金额</source>
        <translation>Field {field}: the compulsory insurance payment cannot exceed the loss amount</translation>
    </message>
    <message>
        <source>字段 {field}：保险价值须大于 0</source>
        <translation>Field {field}: the insured value must be greater than 0</translation>
    </message>
    <message>
        <source>字段 {field}：免赔率之和不能超过 1</source>
        <translation>Field {field}: the deductible rates must not add up to more than 1</translation>
    </message>
    <message>
        <source>字段 {field}：全损时需要实际价值</source>
        <translation>Field {field}: a total loss needs the actual value</translation>
    </message>
    <message>
        <source>字段 {field}：共保份额之和不能超过 1</source>
        <translation>Field {field}: the co-insurance shares must not add up to more than 1</translation>
    </message>
    <message>
        <source>字段 {field}：列表不能为空</source>
        <translation>Field {field}: the list must not be empty</translation>
    </message>
    <message>
        <source>字段 {field}：各保险人的保险金额不能都为 0</source>
        <translation>Field {field}: the insurers&apos; sums insured cannot all be 0</translation>
    </message>
    <message>
        <source>字段 {field}：名称重复</source>
        <translation>Field {field}: duplicate name</translation>
    </message>
    <message>
        <source>字段 {field}：小数位数过多（最多 {places} 位）</source>
        <translation>Field {field}: too many decimal places (at most {places})</translation>
    </message>
    <message>
        <source>字段 {field}：已获交强险赔偿不能大于修复费用</source>
        <translation>Field {field}: the compulsory insurance compensation received cannot exceed the repair cost</translation>
    </message>
    <message>
        <source>字段 {field}：已获交强险赔偿不能大于实际价值</source>
        <translation>Field {field}: the compulsory insurance compensation received cannot exceed the actual value</translation>
    </message>
    <message>
        <source>字段 {field}：应为 JSON 对象</source>
        <translation>Field {field}: must be a JSON object</translation>
    </message>
    <message>
        <source>字段 {field}：应为 true 或 false</source>
        <translation>Field {field}: must be true or false</translation>
    </message>
    <message>
        <source>字段 {field}：应为 {low} 到 {high} 之间的整数</source>
        <translation>Field {field}: must be a whole number from {low} to {high}</translation>
    </message>
    <message>
        <source>字段 {field}：应为对象的列表</source>
        <translation>Field {field}: must be a list of objects</translation>
    </message>
    <message>
        <source>字段 {field}：应为数字</source>
        <translation>Field {field}: must be a number</translation>
    </message>
    <message>
        <source>字段 {field}：应为数字，不能是 true/false</source>
        <translation>Field {field}: must be a number, not true/false</translation>
    </message>
    <message>
        <source>字段 {field}：应为比例的列表（例如 [0.15, 0.1]）</source>
        <translation>Field {field}: must be a list of ratios (e.g. [0.15, 0.1])</translation>
    </message>
    <message>
        <source>字段 {field}：应为非空文字</source>
        <translation>Field {field}: must be non-empty text</translation>
    </message>
    <message>
        <source>字段 {field}：数值过大</source>
        <translation>Field {field}: the number is too large</translation>
    </message>
    <message>
        <source>字段 {field}：文字过长</source>
        <translation>Field {field}: the text is too long</translation>
    </message>
    <message>
        <source>字段 {field}：无效的取值（可选：{options}）</source>
        <translation>Field {field}: invalid value (choose from: {options})</translation>
    </message>
    <message>
        <source>字段 {field}：未知字段（可用：{options}）</source>
        <translation>Field {field}: unknown field (available: {options})</translation>
    </message>
    <message>
        <source>字段 {field}：未知的计算方法（可选：{options}）</source>
        <translation>Field {field}: unknown calculation method (choose from: {options})</translation>
    </message>
    <message>
        <source>字段 {field}：残值不能大于修复费用</source>
        <translation>Field {field}: the salvage value cannot exceed the repair cost</translation>
    </message>
    <message>
        <source>字段 {field}：残值不能大于实际价值</source>
        <translation>Field {field}: the salvage value cannot exceed the actual value</translation>
    </message>
    <message>
        <source>字段 {field}：残值不能大于损失金额</source>
        <translation>Field {field}: the salvage value cannot exceed the loss amount</translation>
    </message>
    <message>
        <source>字段 {field}：每项输入应为 JSON 对象</source>
        <translation>Field {field}: each input must be a JSON object</translation>
    </message>
    <message>
        <source>字段 {field}：比例须在 0 到 1 之间（例如 0.15 表示 15%）</source>
        <translation>Field {field}: a ratio must be between 0 and 1 (e.g. 0.15 means 15%)</translation>
    </message>
    <message>
        <source>字段 {field}：社保已报销金额不能大于医疗费用</source>
        <translation>Field {field}: the amount reimbursed by social insurance cannot exceed the medical costs</translation>
    </message>
    <message>
        <source>字段 {field}：缺少 true/false 值</source>
        <translation>Field {field}: a true/false value is missing</translation>
    </message>
    <message>
        <source>字段 {field}：缺少免赔金额（或给出 rate 与 base）</source>
        <translation>Field {field}: the deductible amount is missing (or give rate and base)</translation>
    </message>
    <message>
        <source>字段 {field}：缺少列表</source>
        <translation>Field {field}: the list is missing</translation>
    </message>
    <message>
        <source>字段 {field}：缺少取值（可选：{options}）</source>
        <translation>Field {field}: the value is missing (choose from: {options})</translation>
    </message>
    <message>
        <source>字段 {field}：缺少名称</source>
        <translation>Field {field}: the name is missing</translation>
    </message>
    <message>
        <source>字段 {field}：缺少实际价值（或 new_vehicle_price_at_loss、months_used、monthly_depreciation_rate），无法判断是否全损；也可用 total_loss 说明</source>
        <translation>Field {field}: the actual value is missing (or new_vehicle_price_at_loss, months_used, monthly_depreciation_rate), so a total loss cannot be judged; you can also state total_loss</translation>
    </message>
    <message>
        <source>字段 {field}：缺少数值</source>
        <translation>Field {field}: the number is missing</translation>
    </message>
    <message>
        <source>字段 {field}：缺少比例</source>
        <translation>Field {field}: the ratio is missing</translation>
    </message>
    <message>
        <source>字段 {field}：缺少给付比例（ratio 或 disability_grade）</source>
        <translation>Field {field}: the benefit ratio is missing (ratio or disability_grade)</translation>
    </message>
    <message>
        <source>字段 {field}：缺少计算方法（可选：{options}）</source>
        <translation>Field {field}: the calculation method is missing (choose from: {options})</translation>
    </message>
    <message>
        <source>字段 {field}：缺少金额</source>
        <translation>Field {field}: the amount is missing</translation>
    </message>
    <message>
        <source>字段 {field}：车辆编号重复</source>
        <translation>Field {field}: duplicate vehicle number</translation>
    </message>
    <message>
        <source>字段 {field}：金额不能为负数</source>
        <translation>Field {field}: the amount cannot be negative</translation>
    </message>
    <message>
        <source>字段 {field}：金额最多两位小数（单位：元）</source>
        <translation>Field {field}: an amount has at most two decimal places (in yuan)</translation>
    </message>
    <message>
        <source>字段 {field}：金额须大于 0</source>
        <translation>Field {field}: the amount must be greater than 0</translation>
    </message>
    <message>
        <source>字段 {field}：除外费用与社保已报销之和不能大于医疗费用</source>
        <translation>Field {field}: excluded costs plus social insurance reimbursement cannot exceed the medical costs</translation>
    </message>
    <message>
        <source>存在风险提示的案件不能定为简易案件。</source>
        <translation>A case with a risk warning cannot be classified as a simple case.</translation>
    </message>
    <message>
        <source>审批结论必须是同意、退回或拒赔。</source>
        <translation>The decision must be approve, return or deny.</translation>
    </message>
    <message>
        <source>审批金额必须是不小于0的有效金额</source>
        <translation>The amount to approve must be a valid amount of at least 0</translation>
    </message>
    <message>
        <source>客户提出异议时，请记录异议内容。</source>
        <translation>When the customer objects, record the objection.</translation>
    </message>
    <message>
        <source>密码不能与用户名相同。</source>
        <translation>The password must not be the same as the user name.</translation>
    </message>
    <message>
        <source>密码至少需要 {n} 个字符。</source>
        <translation>The password needs at least {n} characters.</translation>
    </message>
    <message>
        <source>封存清单的格式无法识别。</source>
        <translation>The seal manifest&apos;s format is not recognised.</translation>
    </message>
    <message>
        <source>封存清单（manifest.json）已损坏，无法读取。</source>
        <translation>The seal manifest (manifest.json) is damaged and cannot be read.</translation>
    </message>
    <message>
        <source>已经记录过与投诉人的联系。</source>
        <translation>The contact with the complainant is already recorded.</translation>
    </message>
    <message>
        <source>年份无效。</source>
        <translation>The year is not valid.</translation>
    </message>
    <message>
        <source>延期原因过长（最多 {n} 个字符）。</source>
        <translation>The extension reason is too long (at most {n} characters).</translation>
    </message>
    <message>
        <source>延期后的日期必须晚于现在的到期日 {due}。</source>
        <translation>The extended date must be later than the current due date {due}.</translation>
    </message>
    <message>
        <source>归档设置文件 archive.json 无法读取：请改正或删除它。</source>
        <translation>The archive settings file archive.json cannot be read: correct or delete it.</translation>
    </message>
    <message>
        <source>必备单证“{title}”没有收取记录：案卷不完整。</source>
        <translation>Mandatory document “{title}” has no receipt: the file is incomplete.</translation>
    </message>
    <message>
        <source>恢复出的数据库无法打开（{detail}）。</source>
        <translation>The restored database cannot be opened ({detail}).</translation>
    </message>
    <message>
        <source>恢复出的数据库未通过完整性检查：{detail}</source>
        <translation>The restored database failed the integrity check: {detail}</translation>
    </message>
    <message>
        <source>恢复出的数据库里没有备份所用的密钥版本 {version}。</source>
        <translation>The restored database lacks key version {version} used by the backup.</translation>
    </message>
    <message>
        <source>恢复码不正确。</source>
        <translation>The recovery code is wrong.</translation>
    </message>
    <message>
        <source>恢复码不正确，或不是做这份备份时的恢复码。</source>
        <translation>The recovery code is wrong, or not the one in use when this backup was made.</translation>
    </message>
    <message>
        <source>您只能查看自己经办的未决案件。</source>
        <translation>You can only see open cases you handle.</translation>
    </message>
    <message>
        <source>您没有查看时效预警的权限。</source>
        <translation>You may not see deadline warnings.</translation>
    </message>
    <message>
        <source>您的级别没有拒赔权限：拒赔需要第 3 级及以上。</source>
        <translation>Your level may not deny claims: denial needs level 3 or above.</translation>
    </message>
    <message>
        <source>手机号码应为以13至19开头的11位数字</source>
        <translation>A mobile number has 11 digits and starts with 13 to 19</translation>
    </message>
    <message>
        <source>找不到文件 {name}。</source>
        <translation>File {name} not found.</translation>
    </message>
    <message>
        <source>找不到文件：{path}</source>
        <translation>File not found: {path}</translation>
    </message>
    <message>
        <source>报案时间不能晚于现在。</source>
        <translation>The time of the report cannot be in the future.</translation>
    </message>
    <message>
        <source>拒赔需要写明所依据的条款和事实。</source>
        <translation>A denial needs the policy clause and the facts it rests on.</translation>
    </message>
    <message>
        <source>拒赔需要选择拒赔原因。</source>
        <translation>A denial needs a reason chosen.</translation>
    </message>
    <message>
        <source>按小时计算的时效规则“{stage}”不能扣除等待期间</source>
        <translation>The hourly deadline rule “{stage}” cannot deduct waiting periods</translation>
    </message>
    <message>
        <source>按小时计算的时效需要开始时间</source>
        <translation>An hourly deadline needs a start time</translation>
    </message>
    <message>
        <source>损失数量至少为 1，金额不能为负数。</source>
        <translation>A loss item has a quantity of at least 1 and a non-negative amount.</translation>
    </message>
    <message>
        <source>损失清单每一行都需要类别和名称。</source>
        <translation>Every line of the loss list needs a category and a name.</translation>
    </message>
    <message>
        <source>损失清单第 {n} 行的数量或金额不是有效的数字。</source>
        <translation>Row {n} of the loss list has a quantity or amount that is not a valid number.</translation>
    </message>
    <message>
        <source>掩码填充字符必须是单个字符</source>
        <translation>The mask fill character must be a single character</translation>
    </message>
    <message>
        <source>掩码填充长度至少为1</source>
        <translation>The mask fill length must be at least 1</translation>
    </message>
    <message>
        <source>掩码规则的保留位数不能为负数</source>
        <translation>A masking rule cannot keep a negative number of characters</translation>
    </message>
    <message>
        <source>摘要过长（最多 {n} 个字符）。</source>
        <translation>The summary is too long (at most {n} characters).</translation>
    </message>
    <message>
        <source>支付总额 {total} 元超过可支付金额 {ceiling} 元。</source>
        <translation>The payments total {total} yuan, more than the payable {ceiling} yuan.</translation>
    </message>
    <message>
        <source>支付批次只能导出为 CSV 或 XLSX 文件。</source>
        <translation>A payment batch can only be exported as CSV or XLSX.</translation>
    </message>
    <message>
        <source>支付日期不能晚于今天。</source>
        <translation>The payment date cannot be after today.</translation>
    </message>
    <message>
        <source>支付金额必须大于 0。</source>
        <translation>The payment amount must be greater than 0.</translation>
    </message>
    <message>
        <source>收取时间不能早于报案时间。</source>
        <translation>The time of receipt cannot be before the time of the report.</translation>
    </message>
    <message>
        <source>收取时间不能晚于现在。</source>
        <translation>The time of receipt cannot be in the future.</translation>
    </message>
    <message>
        <source>收取时间缺少时区。</source>
        <translation>The time of receipt has no time zone.</translation>
    </message>
    <message>
        <source>数据库中没有可用的主密钥版本：请用恢复码恢复，或从备份恢复。</source>
        <translation>The database has no usable master key version: recover with the recovery code, or restore a backup.</translation>
    </message>
    <message>
        <source>数据库出错：{detail}。请运行 backoffice db check。</source>
        <translation>Database error: {detail}. Please run backoffice db check.</translation>
    </message>
    <message>
        <source>数据库尚未建立：请运行 backoffice db upgrade 和 backoffice init。</source>
        <translation>The database has not been created yet: run backoffice db upgrade and backoffice init.</translation>
    </message>
    <message>
        <source>数据库文件 {path} 已损坏或不是 SQLite 数据库：未做任何写入。请从备份恢复，或用 BACKOFFICE_DATA_DIR 指向正确的数据目录。</source>
        <translation>The database file {path} is damaged or not an SQLite database: nothing was written. Restore it from a backup, or point BACKOFFICE_DATA_DIR at the right data directory.</translation>
    </message>
    <message>
        <source>数据库文件已损坏：未做任何写入。请运行 backoffice db check，或从备份恢复。</source>
        <translation>The database file is damaged: nothing was written. Run backoffice db check, or restore a backup.</translation>
    </message>
    <message>
        <source>数据库正被另一个程序占用：请稍后再试。</source>
        <translation>The database is in use by another program: please try again later.</translation>
    </message>
    <message>
        <source>数据库结构版本 {rev} 比本程序新：请先升级 backoffice，再打开这个数据库。未做任何写入。</source>
        <translation>The database schema version {rev} is newer than this program: upgrade backoffice first, then open this database. Nothing was written.</translation>
    </message>
    <message>
        <source>数据库结构需要升级：请运行 backoffice db upgrade（先备份）。</source>
        <translation>The database schema needs an upgrade: run backoffice db upgrade (make a backup first).</translation>
    </message>
    <message>
        <source>数据库还没有初始化：请先运行 backoffice init --admin 用户名（或用 backoffice demo 打开演示）。</source>
        <translation>The database has not been initialised: run backoffice init --admin USERNAME first (or open the demo with backoffice demo).</translation>
    </message>
    <message>
        <source>文件 {path} 不是有效的 JSON（第 {line} 行）。</source>
        <translation>The file {path} is not valid JSON (line {line}).</translation>
    </message>
    <message>
        <source>文件 {path} 在备份过程中变短了：请重新备份。</source>
        <translation>File {path} became shorter during the backup: back up again.</translation>
    </message>
    <message>
        <source>文件 {path} 已存在：备份不会覆盖已有文件，请换一个文件名。</source>
        <translation>File {path} exists: a backup never overwrites a file; choose another name.</translation>
    </message>
    <message>
        <source>文件中没有封存清单（manifest.json）：不是本系统封存的案卷，或清单已被删除。</source>
        <translation>The file has no seal manifest (manifest.json): it was not sealed by this system, or the manifest was removed.</translation>
    </message>
    <message>
        <source>文件内的封存清单与登记的清单不符：清单被改写。</source>
        <translation>The seal manifest in the file differs from the registered one: the manifest was rewritten.</translation>
    </message>
    <message>
        <source>文件太大（{size} MB，上限 {limit} MB）：请降低扫描分辨率或分成几个文件。</source>
        <translation>The file is too large ({size} MB, limit {limit} MB): scan at a lower resolution or split it into several files.</translation>
    </message>
    <message>
        <source>文件是空的。</source>
        <translation>The file is empty.</translation>
    </message>
    <message>
        <source>文件是空的：请重新扫描或选择其他文件。</source>
        <translation>The file is empty: scan it again or choose another file.</translation>
    </message>
    <message>
        <source>文件的 SHA-256 摘要与登记不符（登记 {recorded}，实际 {actual}）：文件在封存后被改动。</source>
        <translation>The file&apos;s SHA-256 digest differs from the registered one (registered {recorded}, actual {actual}): the file was changed after sealing.</translation>
    </message>
    <message>
        <source>无法打开数据库文件：请检查数据目录的权限和剩余空间。</source>
        <translation>Cannot open the database file: check the data directory&apos;s permissions and free space.</translation>
    </message>
    <message>
        <source>无法显示这个字段。</source>
        <translation>This field cannot be shown.</translation>
    </message>
    <message>
        <source>无法读取备份文件 {path}。</source>
        <translation>Cannot read the backup file {path}.</translation>
    </message>
    <message>
        <source>无法读取文件 {path}：{reason}</source>
        <translation>Cannot read the file {path}: {reason}</translation>
    </message>
    <message>
        <source>无法读取文件：请确认文件存在且有读取权限。</source>
        <translation>Cannot read the file: make sure it exists and you may read it.</translation>
    </message>
    <message>
        <source>无法读取这个 Excel 文件：文件已损坏或不是 XLSX 格式。</source>
        <translation>Cannot read this Excel file: it is damaged or not in XLSX format.</translation>
    </message>
    <message>
        <source>无法连接 PostgreSQL 服务器 {where}：请确认服务器已启动、地址和端口正确（BACKOFFICE_DATABASE_URL），然后重试。</source>
        <translation>Cannot connect to the PostgreSQL server {where}: make sure the server is running and the address and port are right (BACKOFFICE_DATABASE_URL), then try again.</translation>
    </message>
    <message>
        <source>日期“{text}”无效：请按 YYYY-MM-DD 输入，例如 2027-10-01。</source>
        <translation>The date “{text}” is not valid: enter it as YYYY-MM-DD, e.g. 2027-10-01.</translation>
    </message>
    <message>
        <source>时效规则“{key}”没有被修改过。</source>
        <translation>Deadline rule “{key}” has not been changed.</translation>
    </message>
    <message>
        <source>时效规则“{stage}”的期限不能为负数</source>
        <translation>The deadline rule “{stage}” cannot have a negative period</translation>
    </message>
    <message>
        <source>时效规则“{stage}”的计算单位无效</source>
        <translation>The deadline rule “{stage}” has an invalid unit</translation>
    </message>
    <message>
        <source>时效规则缺少环节名称</source>
        <translation>A deadline rule is missing its stage name</translation>
    </message>
    <message>
        <source>时间不能晚于现在。</source>
        <translation>The time cannot be later than now.</translation>
    </message>
    <message>
        <source>时间缺少时区。</source>
        <translation>The time has no time zone.</translation>
    </message>
    <message>
        <source>更改案件分类需要填写理由。</source>
        <translation>Changing a case&apos;s classification needs a reason.</translation>
    </message>
    <message>
        <source>月份格式应为 YYYY-MM，例如 2026-03。</source>
        <translation>Months are written YYYY-MM, e.g. 2026-03.</translation>
    </message>
    <message>
        <source>未知的单证条件：{names}。</source>
        <translation>Unknown document conditions: {names}.</translation>
    </message>
    <message>
        <source>未知的案件状态：{names}。</source>
        <translation>Unknown case status: {names}.</translation>
    </message>
    <message>
        <source>未知的案卷文件类型“{name}”。</source>
        <translation>Unknown file kind “{name}” in the archive file.</translation>
    </message>
    <message>
        <source>未知的统计维度“{dimension}”。</source>
        <translation>Unknown dimension “{dimension}”.</translation>
    </message>
    <message>
        <source>未知的考核指标“{kpi}”。</source>
        <translation>Unknown KPI “{kpi}”.</translation>
    </message>
    <message>
        <source>未知的计算方法。</source>
        <translation>Unknown calculation method.</translation>
    </message>
    <message>
        <source>未知的账龄区间“{bucket}”。</source>
        <translation>Unknown age bucket “{bucket}”.</translation>
    </message>
    <message>
        <source>未知的遮蔽项目：{names}。</source>
        <translation>Unknown masking item(s): {names}.</translation>
    </message>
    <message>
        <source>未知角色“{name}”。可用角色：{known}。</source>
        <translation>Unknown role “{name}”. Available roles: {known}.</translation>
    </message>
    <message>
        <source>本系统没有备份所用的密钥版本 {version}：它可能已在密钥轮换后停用（请改用恢复码 --recovery-code），或者备份文件已损坏。</source>
        <translation>This system lacks key version {version} used by the backup: it may have been retired by a key rotation (use the recovery code, --recovery-code), or the backup is damaged.</translation>
    </message>
    <message>
        <source>权限表中没有任何一级具有{authority}权限</source>
        <translation>No level in the authority matrix has the {authority} authority</translation>
    </message>
    <message>
        <source>权限表刚被其他管理员修改过（现为第 {version} 版）：请刷新后重新修改。</source>
        <translation>Another administrator changed the authority matrix meanwhile (it is now version {version}): refresh and make your change again.</translation>
    </message>
    <message>
        <source>权限表必须依次包含第1至第{top}级</source>
        <translation>The authority matrix must contain levels 1 to {top} in order</translation>
    </message>
    <message>
        <source>权限表格式无效。</source>
        <translation>The authority table is not valid.</translation>
    </message>
    <message>
        <source>材料尚未齐全，不能提交审批。</source>
        <translation>Materials are not complete yet: the case cannot be submitted for approval.</translation>
    </message>
    <message>
        <source>核赔人员需要 1 至 5 级的审批权限级别。</source>
        <translation>An approver needs an approval level from 1 to 5.</translation>
    </message>
    <message>
        <source>核赔金额尚未全部支付：不能结案。</source>
        <translation>The approved amount is not fully paid: the case cannot be closed.</translation>
    </message>
    <message>
        <source>案件 {no} 在立卷期间被修改：请重新立卷。</source>
        <translation>Case {no} changed while it was being filed: file it again.</translation>
    </message>
    <message>
        <source>案件 {no} 已归档，只能查阅：如需修改，请先由档案管理员调阅并重开案件。</source>
        <translation>Case {no} is archived and read-only: to change it, an archivist must retrieve it and the case be reopened.</translation>
    </message>
    <message>
        <source>案件 {no} 还没有归档案卷。</source>
        <translation>Case {no} has no archive file yet.</translation>
    </message>
    <message>
        <source>案件号格式“{fmt}”无效。</source>
        <translation>The case number format “{fmt}” is invalid.</translation>
    </message>
    <message>
        <source>案件尚未核赔通过，不能支付赔款（可办理先行赔付）。</source>
        <translation>The case is not approved yet, so nothing can be paid (an advance payment is possible).</translation>
    </message>
    <message>
        <source>案件尚未核赔通过：没有理赔决定可通知。</source>
        <translation>The case is not approved yet: there is no decision to notify.</translation>
    </message>
    <message>
        <source>案件已归档：请先由档案管理员调阅，再重开。</source>
        <translation>The case is archived: an archivist must retrieve it before it can be reopened.</translation>
    </message>
    <message>
        <source>案件已进入审批或已结案，不能再登记单证：如需补充，请先退回或重开案件。</source>
        <translation>The case is in approval or closed, so no more documents can be registered: to add some, send the case back or reopen it first.</translation>
    </message>
    <message>
        <source>案件当前状态为“{current}”，不能变为“{target}”。</source>
        <translation>The case is “{current}” and cannot become “{target}”.</translation>
    </message>
    <message>
        <source>案件数必须在 0 到 2,000,000 之间。</source>
        <translation>The number of cases must be between 0 and 2,000,000.</translation>
    </message>
    <message>
        <source>案件材料尚未齐全或已结案，不能理算。</source>
        <translation>The case&apos;s materials are not complete, or it is closed: it cannot be calculated.</translation>
    </message>
    <message>
        <source>案件正在审批中，不能修改理算：请核赔人先退回案件。</source>
        <translation>The case is under approval, so the calculation cannot change: ask the approver to return it first.</translation>
    </message>
    <message>
        <source>案件没有拒赔决定：不能出具拒赔通知书。</source>
        <translation>The case has no denial decision: no denial letter can be issued.</translation>
    </message>
    <message>
        <source>案件没有理算版本 v{version}。</source>
        <translation>The case has no calculation version v{version}.</translation>
    </message>
    <message>
        <source>案件还没有理算。</source>
        <translation>The case has not been calculated yet.</translation>
    </message>
    <message>
        <source>案件还没有理算，不能提交审批。</source>
        <translation>The case has not been calculated yet, so it cannot be submitted for approval.</translation>
    </message>
    <message>
        <source>案件还没有理算：没有可打印的计算书。</source>
        <translation>The case has not been calculated yet: there is no calculation sheet to print.</translation>
    </message>
    <message>
        <source>案卷中有无法读取的文件，不能生成预览：
{lines}</source>
        <translation>The volume contains files that cannot be read, so no preview can be built:
{lines}</translation>
    </message>
    <message>
        <source>案卷内容摘要与封存清单不符。</source>
        <translation>The file&apos;s content digest differs from the seal manifest.</translation>
    </message>
    <message>
        <source>案卷年度 {year} 与结案年度 {closed} 不符。</source>
        <translation>The file year {year} does not match the closing year {closed}.</translation>
    </message>
    <message>
        <source>案卷应有 {expected} 页，文件中有 {actual} 页：有页面被增删。</source>
        <translation>The file should have {expected} pages and has {actual}: pages were added or removed.</translation>
    </message>
    <message>
        <source>案卷总页数 {total} 与各件页数之和 {sum} 不符。</source>
        <translation>The file&apos;s {total} pages do not match the items&apos; sum of {sum}.</translation>
    </message>
    <message>
        <source>案卷文件无法打开（{detail}）：文件已损坏。</source>
        <translation>The archive file cannot be opened ({detail}): it is damaged.</translation>
    </message>
    <message>
        <source>案卷文件的结构有损坏，读取时需要修复：文件在封存后被改动过。</source>
        <translation>The archive file&apos;s structure is damaged and needs repair to read: it was changed after sealing.</translation>
    </message>
    <message>
        <source>案卷文件类型“{name}”重复。</source>
        <translation>File kind “{name}” appears twice.</translation>
    </message>
    <message>
        <source>案卷未通过完整性检查，不能封存（共 {count} 项）：
{problems}</source>
        <translation>The file failed the completeness check and cannot be sealed ({count} problem(s)):
{problems}</translation>
    </message>
    <message>
        <source>案卷没有任何文件。</source>
        <translation>The archive file has no items.</translation>
    </message>
    <message>
        <source>案卷缺少必备文件：{kind}。</source>
        <translation>The archive file lacks a required item: {kind}.</translation>
    </message>
    <message>
        <source>案卷缺少起止日期。</source>
        <translation>The archive file lacks its start and end dates.</translation>
    </message>
    <message>
        <source>案卷著录项“{field}”为空。</source>
        <translation>Description field “{field}” of the archive file is empty.</translation>
    </message>
    <message>
        <source>案卷起始日期晚于终止日期。</source>
        <translation>The archive file starts after it ends.</translation>
    </message>
    <message>
        <source>档号 {no} 刚被占用：请重新立卷。</source>
        <translation>Archive number {no} was just taken: file the case again.</translation>
    </message>
    <message>
        <source>档号“{no}”不符合档号编制规则。</source>
        <translation>Archive number “{no}” does not follow the numbering rule.</translation>
    </message>
    <message>
        <source>档号格式“{pattern}”无效：须包含件号 {{item}}，且只能使用 fonds、category、year、retention、org、item。</source>
        <translation>Archive number pattern “{pattern}” is not valid: it must contain the item number {{item}} and may use only fonds, category, year, retention, org and item.</translation>
    </message>
    <message>
        <source>档案系统中没有档号 {no} 第 {version} 版的登记：文件不是本系统封存的案卷，或清单被改写。</source>
        <translation>The archive has no record of number {no}, version {version}: the file was not sealed by this system, or its manifest was rewritten.</translation>
    </message>
    <message>
        <source>此列不能为空。</source>
        <translation>This column must not be empty.</translation>
    </message>
    <message>
        <source>每个保障项目都需要代码和名称。</source>
        <translation>Every coverage needs a code and a name.</translation>
    </message>
    <message>
        <source>没有保单号为 {no} 的保单：请核对保单号，或先登记保单。</source>
        <translation>There is no policy with number {no}: check the number, or register the policy first.</translation>
    </message>
    <message>
        <source>没有名为“{key}”的时效环节。</source>
        <translation>There is no deadline step named “{key}”.</translation>
    </message>
    <message>
        <source>没有待导出的支付。</source>
        <translation>There are no payments to export.</translation>
    </message>
    <message>
        <source>没有找到环节“{stage}”的时效规则</source>
        <translation>No deadline rule was found for the stage “{stage}”</translation>
    </message>
    <message>
        <source>没有案件号为 {no} 的案件。</source>
        <translation>There is no case with number {no}.</translation>
    </message>
    <message>
        <source>没有用户“{name}”。</source>
        <translation>There is no user “{name}”.</translation>
    </message>
    <message>
        <source>没有编号为 {id} 的客户。</source>
        <translation>There is no customer with number {id}.</translation>
    </message>
    <message>
        <source>没有编号为 {id} 的案件。</source>
        <translation>There is no case with number {id}.</translation>
    </message>
    <message>
        <source>没有编号为 {id} 的附件。</source>
        <translation>There is no attachment with number {id}.</translation>
    </message>
    <message>
        <source>没有这个延期申请。</source>
        <translation>No such extension request.</translation>
    </message>
    <message>
        <source>没有这个时效记录。</source>
        <translation>No such deadline record.</translation>
    </message>
    <message>
        <source>没有这个预警任务。</source>
        <translation>No such warning task.</translation>
    </message>
    <message>
        <source>没有这件投诉。</source>
        <translation>No such complaint.</translation>
    </message>
    <message>
        <source>没有这位领款人。</source>
        <translation>No such payee.</translation>
    </message>
    <message>
        <source>没有这笔支付。</source>
        <translation>No such payment.</translation>
    </message>
    <message>
        <source>法定时限不能由公司延期。</source>
        <translation>A statutory time limit cannot be extended by the company.</translation>
    </message>
    <message>
        <source>注销需要记录客户的确认方式和时间。</source>
        <translation>A withdrawal needs how and when the customer confirmed it.</translation>
    </message>
    <message>
        <source>满意度请选择 1 至 5 分。</source>
        <translation>Choose a satisfaction score from 1 to 5.</translation>
    </message>
    <message>
        <source>用户名“{name}”已被使用：请换一个。</source>
        <translation>The user name “{name}” is already taken: please choose another.</translation>
    </message>
    <message>
        <source>用户名只能使用小写字母、数字和 . _ -，长度 2 至 64 个字符，以字母或数字开头。</source>
        <translation>A user name may only use lower-case letters, digits and . _ -, has 2 to 64 characters, and starts with a letter or digit.</translation>
    </message>
    <message>
        <source>用户名或密码不正确。</source>
        <translation>Wrong user name or password.</translation>
    </message>
    <message>
        <source>用户至少需要一个角色。</source>
        <translation>A user needs at least one role.</translation>
    </message>
    <message>
        <source>申请延期需要写明原因。</source>
        <translation>An extension request needs a reason.</translation>
    </message>
    <message>
        <source>目录 {path} 不存在。</source>
        <translation>Directory {path} does not exist.</translation>
    </message>
    <message>
        <source>目标 {path} 不是空目录：只能恢复到空目录，以免覆盖现有数据。</source>
        <translation>Target {path} is not an empty directory: restore only into an empty one, so that no data is overwritten.</translation>
    </message>
    <message>
        <source>第 {line} 行：{detail}</source>
        <translation>Line {line}: {detail}</translation>
    </message>
    <message>
        <source>第 {seq} 件《{title}》的扫描图像与原件摘要不符。</source>
        <translation>The scan of item {seq} “{title}” does not match the original&apos;s digest.</translation>
    </message>
    <message>
        <source>第 {seq} 件《{title}》第 {page} 页（全卷第 {index} 页）与封存时不符：内容被改动或页面被替换。</source>
        <translation>Item {seq} “{title}”, page {page} (page {index} of the file) differs from when it was sealed: the content was changed or the page replaced.</translation>
    </message>
    <message>
        <source>第 {seq} 件无法读取：{reason}。</source>
        <translation>Item {seq} cannot be read: {reason}.</translation>
    </message>
    <message>
        <source>第 {seq} 件没有页面。</source>
        <translation>Item {seq} has no pages.</translation>
    </message>
    <message>
        <source>第 {seq} 件缺少著录项：{fields}。</source>
        <translation>Item {seq} lacks description fields: {fields}.</translation>
    </message>
    <message>
        <source>第 {seq} 件（{title}）无法读取。</source>
        <translation>Item {seq} ({title}) cannot be read.</translation>
    </message>
    <message>
        <source>第 {seq} 件（{title}）没有摘要值。</source>
        <translation>Item {seq} ({title}) has no digest.</translation>
    </message>
    <message>
        <source>第{level}级“{line}”的金额“{text}”无效：请输入不小于0的金额（元，最多两位小数），留空表示不限额。</source>
        <translation>Level {level}, “{line}”: the amount “{text}” is not valid. Enter an amount in yuan of 0 or more (at most two decimals); leave it empty for no limit.</translation>
    </message>
    <message>
        <source>第{level}级缺少险类{line}的权限金额</source>
        <translation>Level {level} has no authority amount for line {line}</translation>
    </message>
    <message>
        <source>第{level}级险类{line}的权限不能低于下一级</source>
        <translation>The authority of level {level} for line {line} cannot be lower than the level below</translation>
    </message>
    <message>
        <source>第{level}级险类{line}的权限金额无效</source>
        <translation>The authority amount of level {level} for line {line} is invalid</translation>
    </message>
    <message>
        <source>系统管理员不能同时担任核赔人员：请分设两个用户。</source>
        <translation>A system administrator cannot also be an approver: create two separate users.</translation>
    </message>
    <message>
        <source>缺少金额。</source>
        <translation>The amount is missing.</translation>
    </message>
    <message>
        <source>考核指标只能导出为 XLSX 文件。</source>
        <translation>KPIs can only be exported as XLSX.</translation>
    </message>
    <message>
        <source>联系时间不能晚于现在。</source>
        <translation>The time of contact cannot be in the future.</translation>
    </message>
    <message>
        <source>至少需要一行理算。</source>
        <translation>At least one calculation line is needed.</translation>
    </message>
    <message>
        <source>补充材料送达日期不能早于补充通知送达日期</source>
        <translation>The date the additional documents arrived cannot be before the date the request for them was delivered</translation>
    </message>
    <message>
        <source>表头缺少必需的列：{cols}。</source>
        <translation>The header lacks required columns: {cols}.</translation>
    </message>
    <message>
        <source>记录 {table} #{id} 在密钥轮换期间被反复修改：请稍后再次运行密钥轮换。</source>
        <translation>Record {table} #{id} kept changing during the key rotation: run the key rotation again later.</translation>
    </message>
    <message>
        <source>证明材料需要类别和编号。</source>
        <translation>A supporting document needs a category and a number.</translation>
    </message>
    <message>
        <source>请从列表中选择查看完整信息的原因。</source>
        <translation>Choose from the list why you need to see the full information.</translation>
    </message>
    <message>
        <source>请以系统管理员身份登录现有系统，或提供恢复码。</source>
        <translation>Sign in to the existing system as an administrator, or give the recovery code.</translation>
    </message>
    <message>
        <source>请填写估损金额（元），例如 3200 或 3200.50。</source>
        <translation>Enter the estimated loss in yuan, e.g. 3200 or 3200.50.</translation>
    </message>
    <message>
        <source>请填写保单号。</source>
        <translation>Enter the policy number.</translation>
    </message>
    <message>
        <source>请填写公司名称。</source>
        <translation>Enter the company name.</translation>
    </message>
    <message>
        <source>请填写出险地点。</source>
        <translation>Please enter the place of loss.</translation>
    </message>
    <message>
        <source>请填写单证名称。</source>
        <translation>Please enter the name of the document.</translation>
    </message>
    <message>
        <source>请填写姓名。</source>
        <translation>Please enter the name.</translation>
    </message>
    <message>
        <source>请填写报案人姓名。</source>
        <translation>Please enter the reporter&apos;s name.</translation>
    </message>
    <message>
        <source>请填写更正理由。</source>
        <translation>Please enter the reason for the correction.</translation>
    </message>
    <message>
        <source>请填写汇报或整改内容。</source>
        <translation>Enter the report or the corrective action.</translation>
    </message>
    <message>
        <source>请填写联系内容摘要。</source>
        <translation>Please enter a summary of the contact.</translation>
    </message>
    <message>
        <source>请填写转交原因。</source>
        <translation>Enter why the case is handed over.</translation>
    </message>
    <message>
        <source>请填写银行流水号。</source>
        <translation>Enter the bank transaction number.</translation>
    </message>
    <message>
        <source>请填写险种名称。</source>
        <translation>Please enter the name of the insurance product.</translation>
    </message>
    <message>
        <source>请指定经办人。</source>
        <translation>Choose a handler.</translation>
    </message>
    <message>
        <source>请注明调整原因（例如国务院办公厅通知或本地安排）。</source>
        <translation>Give the reason for the adjustment (e.g. a State Council notice or a local arrangement).</translation>
    </message>
    <message>
        <source>请用 --user 或环境变量 BACKOFFICE_USER 指定操作用户。</source>
        <translation>Name the acting user with --user or the environment variable BACKOFFICE_USER.</translation>
    </message>
    <message>
        <source>请给出一个案件号，或用 --closed 为所有已结案案件立卷（二者选一）。</source>
        <translation>Give one case number, or --closed to file every closed case (one or the other).</translation>
    </message>
    <message>
        <source>请说明修改权限表的原因。</source>
        <translation>Say why the authority table changes.</translation>
    </message>
    <message>
        <source>请说明取消这笔支付的原因。</source>
        <translation>Say why this payment is cancelled.</translation>
    </message>
    <message>
        <source>请输入手机号码</source>
        <translation>Please enter the mobile number</translation>
    </message>
    <message>
        <source>请输入身份证号码</source>
        <translation>Please enter the ID number</translation>
    </message>
    <message>
        <source>请输入银行卡号</source>
        <translation>Please enter the bank card number</translation>
    </message>
    <message>
        <source>请选择人伤案件的结案方式。</source>
        <translation>Choose how the injury case was settled.</translation>
    </message>
    <message>
        <source>请选择出险原因。</source>
        <translation>Please choose the cause of loss.</translation>
    </message>
    <message>
        <source>请选择投诉渠道。</source>
        <translation>Choose the complaint channel.</translation>
    </message>
    <message>
        <source>请选择投诉类别。</source>
        <translation>Choose the complaint category.</translation>
    </message>
    <message>
        <source>请选择报案人与被保险人的关系。</source>
        <translation>Please choose the reporter&apos;s relationship to the insured.</translation>
    </message>
    <message>
        <source>请选择报案渠道。</source>
        <translation>Please choose the reporting channel.</translation>
    </message>
    <message>
        <source>请选择来电还是去电。</source>
        <translation>Please choose whether the call was incoming or outgoing.</translation>
    </message>
    <message>
        <source>请选择简单投诉或复杂投诉。</source>
        <translation>Choose simple or complex complaint.</translation>
    </message>
    <message>
        <source>请选择结案原因。</source>
        <translation>Choose a closing reason.</translation>
    </message>
    <message>
        <source>请选择联系方式。</source>
        <translation>Please choose how the contact was made.</translation>
    </message>
    <message>
        <source>调阅案卷需要填写理由。</source>
        <translation>Retrieving a file needs a reason.</translation>
    </message>
    <message>
        <source>账户已被锁定，请在 {until} 之后再试，或请系统管理员解锁。</source>
        <translation>The account is locked: try again after {until}, or ask a system administrator to unlock it.</translation>
    </message>
    <message>
        <source>赔款尚未支付：赔后回访在支付之后进行。</source>
        <translation>The claim is not paid yet: the follow-up call comes after payment.</translation>
    </message>
    <message>
        <source>身份证号码中的出生日期无效</source>
        <translation>The date of birth in the ID number is invalid</translation>
    </message>
    <message>
        <source>身份证号码中的出生日期晚于当前日期</source>
        <translation>The date of birth in the ID number is in the future</translation>
    </message>
    <message>
        <source>身份证号码前17位应为数字，最后一位应为数字或X</source>
        <translation>The first 17 characters of an ID number are digits; the last is a digit or X</translation>
    </message>
    <message>
        <source>身份证号码应为18位，现为{length}位</source>
        <translation>An ID number has 18 characters; this one has {length}</translation>
    </message>
    <message>
        <source>身份证号码校验位不正确，请核对后重新输入</source>
        <translation>The ID number&apos;s check digit is wrong: please check it and enter it again</translation>
    </message>
    <message>
        <source>身份证号码的地区代码无效</source>
        <translation>The region code in the ID number is invalid</translation>
    </message>
    <message>
        <source>还有 {n} 笔支付没有结果：不能结案。</source>
        <translation>{n} payment(s) have no outcome yet: the case cannot be closed.</translation>
    </message>
    <message>
        <source>这不是本系统的备份文件，或文件开头已损坏。</source>
        <translation>This is not a backup of this system, or its beginning is damaged.</translation>
    </message>
    <message>
        <source>这个延期申请已经处理过。</source>
        <translation>This extension request has already been decided.</translation>
    </message>
    <message>
        <source>这个数据库已经初始化过：请直接登录。</source>
        <translation>This database has already been initialised: just sign in.</translation>
    </message>
    <message>
        <source>这个案件刚被其他人修改过：请刷新后重新理算。</source>
        <translation>Someone else just changed this case: refresh and calculate again.</translation>
    </message>
    <message>
        <source>这个案件刚被其他人处理过：请刷新。</source>
        <translation>Someone else just handled this case: refresh.</translation>
    </message>
    <message>
        <source>这个案件刚被其他人处理过：请刷新后再结案。</source>
        <translation>Someone else just handled this case: refresh, then close it.</translation>
    </message>
    <message>
        <source>这个案件刚被其他人处理过：请刷新后查看最新状态。</source>
        <translation>Someone else just handled this case: refresh to see its current state.</translation>
    </message>
    <message>
        <source>这个案件没有缺少的单证：无需出具一次性告知书。</source>
        <translation>This case is missing no documents: no one-time notice is needed.</translation>
    </message>
    <message>
        <source>这个案件没有该单证项目。</source>
        <translation>This case has no such document item.</translation>
    </message>
    <message>
        <source>这个环节已有待批准的延期申请。</source>
        <translation>This step already has an extension request waiting for approval.</translation>
    </message>
    <message>
        <source>这个环节已经结束，不能延期。</source>
        <translation>This step is finished and cannot be extended.</translation>
    </message>
    <message>
        <source>这个环节已经结束，延期申请不再需要批准。</source>
        <translation>This step is finished; the extension request no longer needs approval.</translation>
    </message>
    <message>
        <source>这个阶段不能先行赔付。</source>
        <translation>No advance payment is possible at this stage.</translation>
    </message>
    <message>
        <source>这个预警任务已经处理过。</source>
        <translation>This warning task has already been handled.</translation>
    </message>
    <message>
        <source>这件投诉刚被其他人处理过：请刷新。</source>
        <translation>Someone else just handled this complaint: refresh.</translation>
    </message>
    <message>
        <source>这件投诉已经办结。</source>
        <translation>This complaint is already resolved.</translation>
    </message>
    <message>
        <source>这位客户没有登记该项信息。</source>
        <translation>This customer has no such information on record.</translation>
    </message>
    <message>
        <source>这位客户的信息刚被其他人修改过：请刷新后重新操作。</source>
        <translation>Someone else has just changed this customer&apos;s information: refresh and try again.</translation>
    </message>
    <message>
        <source>这张保单刚被其他人修改过：请刷新后重新操作。</source>
        <translation>Someone else has just changed this policy: refresh and try again.</translation>
    </message>
    <message>
        <source>这条记录刚被其他人修改过：请刷新后重新操作。</source>
        <translation>Someone else has just changed this record: refresh and try again.</translation>
    </message>
    <message>
        <source>这笔支付刚被其他人处理过：请刷新。</source>
        <translation>Someone else just handled this payment: refresh.</translation>
    </message>
    <message>
        <source>这笔支付已经登记过结果。</source>
        <translation>This payment&apos;s outcome is already recorded.</translation>
    </message>
    <message>
        <source>这项单证刚被其他人修改过：请刷新后重新操作。</source>
        <translation>Someone else has just changed this document: refresh and try again.</translation>
    </message>
    <message>
        <source>进展汇报由案件经办人提交。</source>
        <translation>Progress reports come from the case handler.</translation>
    </message>
    <message>
        <source>退回需要选择退回原因。</source>
        <translation>A return needs a reason chosen.</translation>
    </message>
    <message>
        <source>重开原因必须从列表中选择。</source>
        <translation>Choose the reopening reason from the list.</translation>
    </message>
    <message>
        <source>金额{amount}元超出所有审批层级的权限，请联系管理员调整权限表</source>
        <translation>The amount of {amount} yuan exceeds the authority of every approval level: ask the administrator to adjust the authority matrix</translation>
    </message>
    <message>
        <source>金额不能为负数。</source>
        <translation>An amount cannot be negative.</translation>
    </message>
    <message>
        <source>银行卡号只能包含数字</source>
        <translation>A bank card number may only contain digits</translation>
    </message>
    <message>
        <source>银行卡号应为{minimum}至{maximum}位数字，现为{length}位</source>
        <translation>A bank card number has {minimum} to {maximum} digits; this one has {length}</translation>
    </message>
    <message>
        <source>银行卡号校验失败，请核对后重新输入</source>
        <translation>The bank card number failed its check: please check it and enter it again</translation>
    </message>
    <message>
        <source>附件 #{id} 在备份过程中被重新加密（密钥轮换）：请在轮换完成后重新备份。</source>
        <translation>Attachment #{id} was re-encrypted during the backup (key rotation): back up again when the rotation is done.</translation>
    </message>
    <message>
        <source>附件 #{id} 未通过校验（{detail}），不能归档。</source>
        <translation>Attachment #{id} failed verification ({detail}) and cannot be archived.</translation>
    </message>
    <message>
        <source>附件 #{id} 的加密文件校验失败（{detail}）：文件可能被篡改或损坏。</source>
        <translation>The encrypted file of attachment #{id} failed its check ({detail}): it may have been tampered with or damaged.</translation>
    </message>
    <message>
        <source>附件 #{id} 的文件不在附件库中：请从备份恢复附件库。</source>
        <translation>The file of attachment #{id} is not in the attachment store: restore the store from a backup.</translation>
    </message>
    <message>
        <source>险类“{value}”无效：应为 motor、property、health_accident 或 liability。</source>
        <translation>Line “{value}” is not valid: use motor, property, health_accident or liability.</translation>
    </message>
    <message>
        <source>险类必须是 motor、property、health_accident 或 liability 之一。</source>
        <translation>The line of business must be one of motor, property, health_accident or liability.</translation>
    </message>
    <message>
        <source>需要密码：请设置环境变量 {name}，或在终端中运行以便输入。</source>
        <translation>A password is needed: set the environment variable {name}, or run this in a terminal to type it.</translation>
    </message>
    <message>
        <source>页号不连续：第 {seq} 件应从第 {expected} 页开始，登记为第 {actual} 页。</source>
        <translation>Page numbers have a gap: item {seq} should start at page {expected}, but starts at page {actual}.</translation>
    </message>
    <message>
        <source>页数至少为 1。</source>
        <translation>The number of pages is at least 1.</translation>
    </message>
    <message>
        <source>顺序号不连续：第 {position} 件的顺序号为 {seq}。</source>
        <translation>Sequence numbers have a gap: item {position} has sequence number {seq}.</translation>
    </message>
    <message>
        <source>预警级别必须是 red、yellow 或 all。</source>
        <translation>The warning level must be red, yellow or all.</translation>
    </message>
</context>
<context>
    <name>errors_ui</name>
    <message>
        <source>抱歉，程序出错了。日志无法写入，请联系系统管理员。</source>
        <translation>Sorry, the program hit an error. The log could not be written; please contact your system administrator.</translation>
    </message>
    <message>
        <source>抱歉，程序出错了。详情已写入日志：
{path}
请把这个文件交给系统管理员。</source>
        <translation>Sorry, the program hit an error. The details are in the log:
{path}
Please give this file to your system administrator.</translation>
    </message>
    <message>
        <source>程序出错</source>
        <translation>Program error</translation>
    </message>
    <message>
        <source>无法完成</source>
        <translation>Could not be done</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>不在保险期间内</source>
        <translation>Outside the policy period</translation>
    </message>
    <message>
        <source>不属于保险责任</source>
        <translation>Not covered by the policy</translation>
    </message>
    <message>
        <source>书面通知</source>
        <translation>Written notice</translation>
    </message>
    <message>
        <source>事故责任比例</source>
        <translation>Liability ratio</translation>
    </message>
    <message>
        <source>交强险</source>
        <translation>Compulsory motor liability</translation>
    </message>
    <message>
        <source>交强险书面告知单证（条例第28条）</source>
        <translation>CTPL written document list (Regulation art. 28)</translation>
    </message>
    <message>
        <source>交强险已赔付</source>
        <translation>CTPL paid</translation>
    </message>
    <message>
        <source>交强险支付（条例第29条）</source>
        <translation>CTPL payment (Regulation art. 29)</translation>
    </message>
    <message>
        <source>交强险核定（条例第29条）</source>
        <translation>CTPL decision (Regulation art. 29)</translation>
    </message>
    <message>
        <source>交警事故认定书</source>
        <translation>Traffic police accident report</translation>
    </message>
    <message>
        <source>产品责任</source>
        <translation>Product liability</translation>
    </message>
    <message>
        <source>代理人</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>伤残</source>
        <translation>Disability</translation>
    </message>
    <message>
        <source>伤残等级</source>
        <translation>Disability grade</translation>
    </message>
    <message>
        <source>保险人</source>
        <translation>Insurer</translation>
    </message>
    <message>
        <source>保险价值</source>
        <translation>Insured value</translation>
    </message>
    <message>
        <source>保险金额</source>
        <translation>Sum insured</translation>
    </message>
    <message>
        <source>信函</source>
        <translation>Letter</translation>
    </message>
    <message>
        <source>修理费用</source>
        <translation>Repair cost</translation>
    </message>
    <message>
        <source>健康及意外险</source>
        <translation>Health and accident</translation>
    </message>
    <message>
        <source>先行赔付（保险法第25条）</source>
        <translation>Advance payment (Insurance Law art. 25)</translation>
    </message>
    <message>
        <source>免赔率</source>
        <translation>Deductible rates</translation>
    </message>
    <message>
        <source>免赔额</source>
        <translation>Deductible</translation>
    </message>
    <message>
        <source>共保分摊</source>
        <translation>Co-insurance share</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>出现新的证据或损失</source>
        <translation>New evidence or loss</translation>
    </message>
    <message>
        <source>出险时新车购置价</source>
        <translation>New-vehicle price at loss</translation>
    </message>
    <message>
        <source>出险时间不在保险期间内</source>
        <translation>Incident outside the policy period</translation>
    </message>
    <message>
        <source>出险距起保日过近</source>
        <translation>Incident soon after inception</translation>
    </message>
    <message>
        <source>分摊方式</source>
        <translation>Allocation rule</translation>
    </message>
    <message>
        <source>判决</source>
        <translation>Judgment</translation>
    </message>
    <message>
        <source>剩余累计责任限额</source>
        <translation>Remaining aggregate limit</translation>
    </message>
    <message>
        <source>办理赔款支付</source>
        <translation>Paying the claim</translation>
    </message>
    <message>
        <source>医疗费用</source>
        <translation>Medical expenses</translation>
    </message>
    <message>
        <source>医疗费用单据</source>
        <translation>Medical bills</translation>
    </message>
    <message>
        <source>单位员工</source>
        <translation>Employee</translation>
    </message>
    <message>
        <source>单证不全或不清晰</source>
        <translation>Documents missing or unclear</translation>
    </message>
    <message>
        <source>去电/去函</source>
        <translation>Outgoing</translation>
    </message>
    <message>
        <source>参加社会医疗保险</source>
        <translation>Covered by social medical insurance</translation>
    </message>
    <message>
        <source>发票</source>
        <translation>Invoice</translation>
    </message>
    <message>
        <source>受害方</source>
        <translation>Victim</translation>
    </message>
    <message>
        <source>同一保单同一出险日期已有报案</source>
        <translation>Another report for the same policy and incident date</translation>
    </message>
    <message>
        <source>同一证件或电话 12 个月内另有索赔</source>
        <translation>Another claim with the same ID or phone within 12 months</translation>
    </message>
    <message>
        <source>同一银行账户被无关客户使用</source>
        <translation>Same bank account used by unrelated customers</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>回访异议联系</source>
        <translation>Callback issue contact</translation>
    </message>
    <message>
        <source>复杂</source>
        <translation>Complex</translation>
    </message>
    <message>
        <source>复杂投诉</source>
        <translation>Complex complaint</translation>
    </message>
    <message>
        <source>定额给付</source>
        <translation>Fixed benefit</translation>
    </message>
    <message>
        <source>实际价值</source>
        <translation>Actual value</translation>
    </message>
    <message>
        <source>审核定损</source>
        <translation>Review (amount determined)</translation>
    </message>
    <message>
        <source>客户撤案</source>
        <translation>Withdrawn by the customer</translation>
    </message>
    <message>
        <source>客户申诉</source>
        <translation>Customer appeal</translation>
    </message>
    <message>
        <source>家属</source>
        <translation>Family member</translation>
    </message>
    <message>
        <source>属于责任免除</source>
        <translation>Falls under an exclusion</translation>
    </message>
    <message>
        <source>已使用月数</source>
        <translation>Months used</translation>
    </message>
    <message>
        <source>已归档</source>
        <translation>Archived</translation>
    </message>
    <message>
        <source>已报案</source>
        <translation>Reported</translation>
    </message>
    <message>
        <source>已拒赔</source>
        <translation>Denied</translation>
    </message>
    <message>
        <source>已支付</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>已核赔</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>已注销</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>已理算</source>
        <translation>Calculated</translation>
    </message>
    <message>
        <source>已结案</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>已退回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>待核赔</source>
        <translation>Pending approval</translation>
    </message>
    <message>
        <source>您不是核赔人员。</source>
        <translation>You are not an approver.</translation>
    </message>
    <message>
        <source>您已在本轮审批中签过字，同一人不能重复签字。</source>
        <translation>You have already signed in this approval round; nobody may sign twice.</translation>
    </message>
    <message>
        <source>您的审批级别低于当前待审级别。</source>
        <translation>Your approval level is below the level now waiting.</translation>
    </message>
    <message>
        <source>意外伤害</source>
        <translation>Accidental injury</translation>
    </message>
    <message>
        <source>手续与单证</source>
        <translation>Procedure and documents</translation>
    </message>
    <message>
        <source>承保份额</source>
        <translation>Share</translation>
    </message>
    <message>
        <source>投诉办结</source>
        <translation>Resolve complaint</translation>
    </message>
    <message>
        <source>投诉联系客户</source>
        <translation>Complaint contact</translation>
    </message>
    <message>
        <source>报案延迟超过 48 小时</source>
        <translation>Reported more than 48 hours late</translation>
    </message>
    <message>
        <source>报案时间距出险已超过 48 小时</source>
        <translation>Reported more than 48 hours after the incident</translation>
    </message>
    <message>
        <source>拆解后出具配件清单</source>
        <translation>Parts list after dismantling</translation>
    </message>
    <message>
        <source>拒赔通知（保险法第24条）</source>
        <translation>Denial notice (Insurance Law art. 24)</translation>
    </message>
    <message>
        <source>按全损计算</source>
        <translation>Total loss</translation>
    </message>
    <message>
        <source>损失</source>
        <translation>Losses</translation>
    </message>
    <message>
        <source>损失类别</source>
        <translation>Loss category</translation>
    </message>
    <message>
        <source>损失金额</source>
        <translation>Loss</translation>
    </message>
    <message>
        <source>收集单证</source>
        <translation>Collecting documents</translation>
    </message>
    <message>
        <source>新车购置价</source>
        <translation>New-vehicle price</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>施救费用</source>
        <translation>Rescue costs</translation>
    </message>
    <message>
        <source>无责代赔</source>
        <translation>No-fault proxy payment</translation>
    </message>
    <message>
        <source>无需赔付</source>
        <translation>Nothing to pay</translation>
    </message>
    <message>
        <source>是否有责</source>
        <translation>Liable</translation>
    </message>
    <message>
        <source>普通</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>暴雨、台风等气象灾害</source>
        <translation>Rainstorm, typhoon or other weather</translation>
    </message>
    <message>
        <source>月折旧率</source>
        <translation>Monthly depreciation rate</translation>
    </message>
    <message>
        <source>有人员伤亡</source>
        <translation>Injury or death</translation>
    </message>
    <message>
        <source>服务态度</source>
        <translation>Service attitude</translation>
    </message>
    <message>
        <source>未及时通知致无法确定损失</source>
        <translation>Late notice made the loss impossible to determine</translation>
    </message>
    <message>
        <source>本人</source>
        <translation>Self</translation>
    </message>
    <message>
        <source>机动车损失保险</source>
        <translation>Motor vehicle damage insurance</translation>
    </message>
    <message>
        <source>机动车第三者责任保险</source>
        <translation>Motor third-party liability insurance</translation>
    </message>
    <message>
        <source>机动车辆险</source>
        <translation>Motor</translation>
    </message>
    <message>
        <source>材料齐全</source>
        <translation>Materials complete</translation>
    </message>
    <message>
        <source>条款版本</source>
        <translation>Clause version</translation>
    </message>
    <message>
        <source>来电/来函</source>
        <translation>Incoming</translation>
    </message>
    <message>
        <source>柜面</source>
        <translation>Counter</translation>
    </message>
    <message>
        <source>核实客户身份</source>
        <translation>Verifying the customer&apos;s identity</translation>
    </message>
    <message>
        <source>核对单证</source>
        <translation>Checking documents</translation>
    </message>
    <message>
        <source>案件调查</source>
        <translation>Investigating the case</translation>
    </message>
    <message>
        <source>死亡</source>
        <translation>Death</translation>
    </message>
    <message>
        <source>残值</source>
        <translation>Salvage</translation>
    </message>
    <message>
        <source>每人责任限额</source>
        <translation>Per-person limit</translation>
    </message>
    <message>
        <source>每次事故责任限额</source>
        <translation>Per-accident limit</translation>
    </message>
    <message>
        <source>比率</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>水渍、管道破裂</source>
        <translation>Water damage, burst pipe</translation>
    </message>
    <message>
        <source>法定支付期限（保险法第23条）</source>
        <translation>Statutory payment (Insurance Law art. 23)</translation>
    </message>
    <message>
        <source>法定核定期限（保险法第23条）</source>
        <translation>Statutory decision (Insurance Law art. 23)</translation>
    </message>
    <message>
        <source>法院判决或调解</source>
        <translation>Court judgment or mediation</translation>
    </message>
    <message>
        <source>火灾</source>
        <translation>Fire</translation>
    </message>
    <message>
        <source>火灾事故认定书</source>
        <translation>Fire accident report</translation>
    </message>
    <message>
        <source>玻璃单独破碎</source>
        <translation>Glass breakage only</translation>
    </message>
    <message>
        <source>理算人不能审批自己的理算。</source>
        <translation>The calculator cannot approve their own calculation.</translation>
    </message>
    <message>
        <source>理算差错</source>
        <translation>Calculation error</translation>
    </message>
    <message>
        <source>理算有误</source>
        <translation>Calculation error</translation>
    </message>
    <message>
        <source>理赔时效</source>
        <translation>Claim timeliness</translation>
    </message>
    <message>
        <source>申请伤残赔偿</source>
        <translation>Disability compensation claimed</translation>
    </message>
    <message>
        <source>申请施救费用</source>
        <translation>Rescue costs claimed</translation>
    </message>
    <message>
        <source>申请误工损失</source>
        <translation>Lost income claimed</translation>
    </message>
    <message>
        <source>电子邮件</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>电话 95500</source>
        <translation>Phone 95500</translation>
    </message>
    <message>
        <source>疾病</source>
        <translation>Illness</translation>
    </message>
    <message>
        <source>盗抢</source>
        <translation>Theft or robbery</translation>
    </message>
    <message>
        <source>短信</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>碰撞</source>
        <translation>Collision</translation>
    </message>
    <message>
        <source>社会医疗保险已支付</source>
        <translation>Paid by social insurance</translation>
    </message>
    <message>
        <source>社保支付计入免赔额</source>
        <translation>Social insurance counts toward the deductible</translation>
    </message>
    <message>
        <source>稽核发现问题</source>
        <translation>Audit finding</translation>
    </message>
    <message>
        <source>立案登记</source>
        <translation>Registration</translation>
    </message>
    <message>
        <source>第三方</source>
        <translation>Third party</translation>
    </message>
    <message>
        <source>第三者人身伤害</source>
        <translation>Third-party bodily injury</translation>
    </message>
    <message>
        <source>第三者财产损失</source>
        <translation>Third-party property damage</translation>
    </message>
    <message>
        <source>简单投诉</source>
        <translation>Simple complaint</translation>
    </message>
    <message>
        <source>简易</source>
        <translation>Simple</translation>
    </message>
    <message>
        <source>索赔人</source>
        <translation>Claimants</translation>
    </message>
    <message>
        <source>红色预警书面整改报告</source>
        <translation>Red warning written rectification</translation>
    </message>
    <message>
        <source>经办人不能审批自己的案件。</source>
        <translation>The handler cannot approve their own case.</translation>
    </message>
    <message>
        <source>绝对免赔率</source>
        <translation>Absolute deductible rate</translation>
    </message>
    <message>
        <source>绝对免赔额</source>
        <translation>Absolute deductible</translation>
    </message>
    <message>
        <source>网站/APP</source>
        <translation>Website/app</translation>
    </message>
    <message>
        <source>联系客户</source>
        <translation>Contacting the customer</translation>
    </message>
    <message>
        <source>自然灾害</source>
        <translation>Natural disaster</translation>
    </message>
    <message>
        <source>虚假索赔</source>
        <translation>Fraudulent claim</translation>
    </message>
    <message>
        <source>被保险人为单位</source>
        <translation>Insured is a company</translation>
    </message>
    <message>
        <source>计算基数</source>
        <translation>Base</translation>
    </message>
    <message>
        <source>诊断证明</source>
        <translation>Diagnosis certificate</translation>
    </message>
    <message>
        <source>调解或和解</source>
        <translation>Mediation or settlement</translation>
    </message>
    <message>
        <source>财产保险</source>
        <translation>Property insurance</translation>
    </message>
    <message>
        <source>财产险</source>
        <translation>Property</translation>
    </message>
    <message>
        <source>责任保险</source>
        <translation>Liability insurance</translation>
    </message>
    <message>
        <source>责任认定需要补充</source>
        <translation>Liability determination needs more information</translation>
    </message>
    <message>
        <source>责任限额</source>
        <translation>Limit</translation>
    </message>
    <message>
        <source>责任限额标准</source>
        <translation>Limit regime</translation>
    </message>
    <message>
        <source>责任险</source>
        <translation>Liability</translation>
    </message>
    <message>
        <source>货物价值</source>
        <translation>Cargo value</translation>
    </message>
    <message>
        <source>费用分项</source>
        <translation>Tiers</translation>
    </message>
    <message>
        <source>赔付比例</source>
        <translation>Payment ratio</translation>
    </message>
    <message>
        <source>赔偿方式</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>赔后回访</source>
        <translation>Callback</translation>
    </message>
    <message>
        <source>赔款已支付</source>
        <translation>Settlement paid</translation>
    </message>
    <message>
        <source>赔款支付</source>
        <translation>Payment</translation>
    </message>
    <message>
        <source>赔款金额</source>
        <translation>Settlement amount</translation>
    </message>
    <message>
        <source>车损定损出具估价单</source>
        <translation>Motor damage estimate</translation>
    </message>
    <message>
        <source>车辆</source>
        <translation>Vehicles</translation>
    </message>
    <message>
        <source>车辆标识</source>
        <translation>Vehicle</translation>
    </message>
    <message>
        <source>轻伤</source>
        <translation>Minor</translation>
    </message>
    <message>
        <source>退回后重新上报</source>
        <translation>Resubmission after return</translation>
    </message>
    <message>
        <source>重伤</source>
        <translation>Serious</translation>
    </message>
    <message>
        <source>重复保险分摊</source>
        <translation>Double insurance apportionment</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>金额略低于审批权限上限</source>
        <translation>Amount just below an approval limit</translation>
    </message>
    <message>
        <source>销售人员</source>
        <translation>Sales agent</translation>
    </message>
    <message>
        <source>限额倍数</source>
        <translation>Limit units</translation>
    </message>
    <message>
        <source>除外费用</source>
        <translation>Excluded items</translation>
    </message>
    <message>
        <source>需要补充调查</source>
        <translation>Further investigation needed</translation>
    </message>
    <message>
        <source>面谈</source>
        <translation>In person</translation>
    </message>
    <message>
        <source>黄色预警进展汇报</source>
        <translation>Yellow warning progress report</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <source>{role}（{level} 级）</source>
        <translation>{role} (level {level})</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>理赔内勤</source>
        <translation>Claims clerk</translation>
    </message>
    <message>
        <source>核赔</source>
        <translation>Approver</translation>
    </message>
    <message>
        <source>档案管理员</source>
        <translation>Archivist</translation>
    </message>
    <message>
        <source>主管</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>系统管理员</source>
        <translation>System administrator</translation>
    </message>
    <message>
        <source>审计员</source>
        <translation>Auditor</translation>
    </message>
</context>
<context>
    <name>titles</name>
    <message>
        <source>backoffice 理赔后台</source>
        <translation>backoffice Claims Office</translation>
    </message>
    <message>
        <source> — 演示 DEMO</source>
        <translation> — DEMO</translation>
    </message>
</context>
</TS>
