// A channel as a coloured badge. Built-in channels keep one colour everywhere (lists, timelines,
// charts); a workspace's own channels get a stable colour from their name.
import { Badge, Text } from '@mantine/core';

const COLORS: Record<string, string> = {
  direct: 'gray',
  'paid search': 'orange',
  'paid social': 'pink',
  display: 'yellow',
  'paid other': 'red',
  email: 'blue',
  affiliates: 'lime',
  events: 'violet',
  sms: 'cyan',
  'organic search': 'teal',
  'organic social': 'grape',
  referral: 'indigo',
  other: 'dark',
};
const EXTRA = ['green', 'cyan', 'violet', 'orange', 'pink', 'indigo', 'lime', 'teal'];

export function channelColor(channel: string): string {
  const known = COLORS[channel.toLowerCase()];
  if (known) return known;
  let hash = 0;
  for (const ch of channel) hash = (hash * 31 + ch.charCodeAt(0)) | 0;
  return EXTRA[Math.abs(hash) % EXTRA.length]!;
}

export function ChannelBadge({ channel, size = 'sm' }: { channel: string | null | undefined; size?: 'xs' | 'sm' | 'md' }) {
  if (!channel) {
    return (
      <Text fz="sm" c="dimmed">
        —
      </Text>
    );
  }
  return (
    <Badge variant="light" color={channelColor(channel)} size={size} maw="100%">
      {channel}
    </Badge>
  );
}
