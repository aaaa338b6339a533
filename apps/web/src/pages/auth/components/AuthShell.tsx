import type { ReactNode } from 'react';
import { Card } from 'antd';

const FLOW = ['注册账号（手机号验证）', '选择申报类别并完成单位认证', '填写申报书，上传说明材料和随附材料', '确认提交，获得申报编号', '导出PDF，盖章后报送纸质材料'];

/** The account pages: on wide screens a short guide to the process beside the form. */
export function AuthShell({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="auth-shell">
      <section className="auth-intro" aria-label="申报流程">
        <h1>服务型制造示范遴选申报</h1>
        <p>申报主体在本平台完成注册与认证后即可开始申报。</p>
        <ol>
          {FLOW.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ol>
        <p className="auth-intro-note">纸质申报材料的编号须与最终提交的电子版编号一致。</p>
      </section>
      <Card className="auth-card" title={title}>
        {children}
      </Card>
    </div>
  );
}
