// The partner card as the server's card API and the CLI's --card file give it.
import { z } from "zod";

export const PartnerCardSchema = z.strictObject({
  name: z.string(),
  phones: z.array(z.string()),
  emails: z.array(z.string()),
  addresses: z.array(z.string()),
  domains: z.array(z.string()),
  licenseKey: z.string().optional(),
});

export type PartnerCard = z.infer<typeof PartnerCardSchema>;
