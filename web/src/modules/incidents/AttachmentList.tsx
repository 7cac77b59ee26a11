import { attachmentUrl } from '../../api/incidents';
import type { Incident } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { Table, TBody, Td, Th, THead, Tr } from '../../ui/Table';
import { Anchor, Heading, Paragraph } from '../../ui/Typography';

const formatSize = (bytes: number): string =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 * 1024
      ? `${(bytes / 1024).toFixed(1)} kB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Evidence files with their SHA-256, so a copy can be checked against what was stored. */
export function AttachmentList({ incident }: { incident: Incident }) {
  const { m, formatDateTime } = useI18n();
  const d = m.detail;
  return (
    <section aria-labelledby="attachments-title" className="wb-section">
      <Heading level={2} id="attachments-title">
        {d.attachments}
      </Heading>
      {incident.attachments === null ? (
        <Paragraph>{d.attachmentsMasked}</Paragraph>
      ) : incident.attachments.length === 0 ? (
        <Paragraph>{d.noAttachments}</Paragraph>
      ) : (
        <Table caption={d.attachments} cards testId="attachment-table">
          <THead>
            <Th>{d.fileName}</Th>
            <Th>{d.size}</Th>
            <Th>{d.uploadedBy}</Th>
            <Th>{m.fields.date}</Th>
            <Th>{d.sha256}</Th>
          </THead>
          <TBody>
            {incident.attachments.map((a) => (
              <Tr key={a.id} testId="attachment-row">
                <Td label={d.fileName}>
                  <Anchor
                    href={attachmentUrl(incident.id, a.id)}
                    download={a.fileName}
                    aria-label={d.download(a.fileName)}
                  >
                    {a.fileName}
                  </Anchor>
                </Td>
                <Td label={d.size}>{formatSize(a.sizeBytes)}</Td>
                <Td label={d.uploadedBy}>{a.uploadedBy}</Td>
                <Td label={m.fields.date}>{formatDateTime(a.createdAt)}</Td>
                <Td label={d.sha256}>
                  <code className="wb-hash" data-testid="attachment-sha256">
                    {a.sha256}
                  </code>
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </section>
  );
}
