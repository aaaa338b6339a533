/** Chinese labels of audit actions; an action without a label shows its code. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'user.register': '注册账号',
  'user.login': '登录',
  'user.login_failed': '登录失败',
  'user.reset_password': '重置密码',
  'organisation.entry': '选择申报入口',
  'organisation.certify': '单位认证',
  'organisation.contact': '填写联系人',
  'application.start': '开始填报',
  'application.category': '更改申报类别',
  'application.save': '保存申报书',
  'application.submit': '提交申报书',
  'file.upload': '上传附件',
  'file.delete': '删除附件',
  'region.close': '申报截止',
  'region.undo_close': '撤销申报截止',
  'application.reopen': '重新开放申报',
  'application.reclose': '结束重新开放',
  'review.check_pass': '形式审查通过',
  'review.check_return': '形式审查退回',
  'review.opinion': '填写推荐意见',
  'review.paper': '纸质材料核对',
  'review.recommend': '推荐',
  'review.unrecommend': '取消推荐',
  'review.rank': '调整推荐顺序',
  'review.check': '形式审查通过（批量）',
  'review.summary.export': '导出推荐汇总表',
  'audit.purge': '清理过期审计日志',
  'user.login_locked': '登录锁定',
  'ip.login_locked': '地址登录锁定',
  'user.totp_enable': '绑定动态口令',
  'user.totp_disable': '关闭动态口令',
  'user.recovery_codes_renew': '重新生成恢复码',
  'user.logout_all': '退出所有设备',
  'user.change_password': '修改密码',
  'personal_data.view': '查看联系人信息',
  'account.issue': '开设账号',
  'account.first_login': '首次登录绑定联系人',
  'account.reset_password': '重置账号密码',
  'account.reset_totp': '重置动态口令',
  'expert_review.declare_no_conflict': '专家声明无利益冲突',
  'expert_review.declare_conflict': '专家申请回避',
  'expert_review.submit_scores': '专家提交评分',
};

export const ROLE_LABELS: Record<string, string> = { applicant: '申报单位', authority: '主管部门', expert: '评审专家', admin: '管理员' };

export const SUBJECT_LABELS: Record<string, string> = { application: '申报书', round: '遴选批次', user: '账号', organisation: '单位', file: '附件', audit: '审计日志', ip: 'IP地址' };

export function actionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}

export interface AuditRowInput {
  id: number;
  createdAt: Date;
  action: string;
  subjectType: string;
  subjectId: string | null;
  subjectName: string | null;
  regionCode: string | null;
  regionName: string | null;
  ip: string | null;
  detail: Record<string, unknown> | null;
  actorName: string | null;
  actorRole: string | null;
}

/** One audit event as the levels above read it: who, when, what, on what, from where. */
export function presentAuditEvent(e: AuditRowInput) {
  return {
    id: e.id,
    at: e.createdAt.toISOString(),
    actorName: e.actorName,
    actorRole: e.actorRole,
    actorRoleLabel: e.actorRole ? (ROLE_LABELS[e.actorRole] ?? e.actorRole) : null,
    action: e.action,
    actionLabel: actionLabel(e.action),
    subjectType: e.subjectType,
    subjectId: e.subjectId,
    subjectName: e.subjectName,
    regionCode: e.regionCode,
    regionName: e.regionName,
    ip: e.ip,
    detail: e.detail,
  };
}
export type AuditEventView = ReturnType<typeof presentAuditEvent>;
