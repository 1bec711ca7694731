/**
 * A sent document shown as it was sent, isolated: an empty `sandbox` runs no script and gives it
 * no access to the dashboard's origin. Light like the paper it imitates, in either color scheme.
 */
export function SentFrame({ title, html }: { title: string; html: string }) {
  return (
    <iframe
      sandbox=""
      srcDoc={html}
      title={title}
      style={{
        display: 'block',
        width: '100%',
        height: 480,
        border: '1px solid var(--mantine-color-default-border)',
        borderRadius: 'var(--mantine-radius-sm)',
        background: 'var(--mantine-color-white)',
        colorScheme: 'light',
      }}
    />
  );
}
