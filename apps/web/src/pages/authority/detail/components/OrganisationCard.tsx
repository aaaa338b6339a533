import { Card, Descriptions } from 'antd';
import type { AuthorityDetail } from '../../api';

const REGISTRY_LABELS: Record<string, string> = {
  legalRepresentative: '法定代表人',
  registeredCapital: '注册资本',
  orgType: '单位类型',
  address: '注册地址',
  establishedOn: '成立日期',
  businessStatus: '经营状态',
};

/** The certified organisation (registry data) and its contact person, in full. */
export function OrganisationCard({ organisation }: { organisation: AuthorityDetail['organisation'] }) {
  const registry = organisation.registry ?? {};
  const c = organisation.contact;
  return (
    <>
      <Card size="small" title="申报单位" className="edit-section" data-testid="detail-organisation">
        <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="单位名称">{organisation.name}</Descriptions.Item>
          <Descriptions.Item label="统一社会信用代码">
            <span className="mono">{organisation.uscc}</span>
          </Descriptions.Item>
          <Descriptions.Item label="所属地区">{organisation.regionName}</Descriptions.Item>
          {Object.entries(REGISTRY_LABELS).map(([k, label]) =>
            registry[k] ? (
              <Descriptions.Item key={k} label={label}>
                {registry[k]}
              </Descriptions.Item>
            ) : null,
          )}
        </Descriptions>
      </Card>
      <Card size="small" title="联系人" className="edit-section" data-testid="detail-contact">
        {c ? (
          <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label="姓名">{c.name}</Descriptions.Item>
            <Descriptions.Item label="职务">{c.position}</Descriptions.Item>
            <Descriptions.Item label="手机">{c.mobile}</Descriptions.Item>
            <Descriptions.Item label="电子邮箱">{c.email}</Descriptions.Item>
          </Descriptions>
        ) : (
          <span className="review-empty">未填写联系人</span>
        )}
      </Card>
    </>
  );
}
